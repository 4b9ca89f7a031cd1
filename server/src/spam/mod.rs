//! Keeping scripts out without a captcha: a proof of work each post pays
//! for (dearer for whoever posts fast), and the server's own secret it is
//! signed with. The honeypot field is checked with the other fields
//! (`comments::text`); repeated texts and links with the posting rules
//! (`comments::post`).

pub mod proof_of_work;
pub mod secret;
