//! The built `index.html`, split at the places a server-rendered page goes:
//! the page's language, its head tags, and the body that replaces the boot
//! skeleton. Everything else (the CSP with its script hashes, the bootstrap,
//! the hashed asset links) stays exactly as the build wrote it.

use crate::error::ServerError;
use std::path::Path;

/// Where the head tags go; the build's placeholder `<title>` follows it.
const HEAD_MARK: &str = "<!--vestnik:head-->";
/// Around the boot skeleton, which a rendered page replaces.
const BODY_START: &str = "<!--vestnik:boot-->";
const BODY_END: &str = "<!--/vestnik:boot-->";
const LANG_ATTR: &str = "<html lang=\"";

/// The pieces of `index.html` between the places a page fills in.
#[derive(Clone, Debug)]
pub struct Template {
    /// The page as the build wrote it, for when a page cannot be rendered.
    original: String,
    before_lang: String,
    lang_to_head: String,
    head_to_body: String,
    after_body: String,
}

impl Template {
    /// Reads `dir/index.html`; an error names the marker a custom page lacks.
    pub fn load(dir: &Path) -> Result<Self, ServerError> {
        let path = dir.join("index.html");
        let text = std::fs::read_to_string(&path)
            .map_err(|e| ServerError::Config(format!("cannot read {}: {e}", path.display())))?;
        Self::parse(&text).map_err(|missing| {
            ServerError::Config(format!(
                "{} has no {missing}: build it from vestnik's index.html (cargo xtask build), \
                 which marks where pages are rendered",
                path.display()
            ))
        })
    }

    /// Splits the page's text; `Err` names what is missing.
    pub fn parse(text: &str) -> Result<Self, &'static str> {
        let (before_lang, rest) = text.split_once(LANG_ATTR).ok_or("<html lang=\"…\">")?;
        let (_, rest) = rest.split_once('"').ok_or("<html lang=\"…\">")?;
        let (lang_to_head, rest) = rest.split_once(HEAD_MARK).ok_or(HEAD_MARK)?;
        // The build's own <title> is the fallback for pages nobody renders.
        let rest = match rest.trim_start().strip_prefix("<title>") {
            Some(title) => title
                .split_once("</title>")
                .map_or(rest, |(_, after)| after),
            None => rest,
        };
        let (head_to_body, rest) = rest.split_once(BODY_START).ok_or(BODY_START)?;
        let (_, after_body) = rest.split_once(BODY_END).ok_or(BODY_END)?;
        Ok(Self {
            original: text.to_owned(),
            before_lang: format!("{before_lang}{LANG_ATTR}"),
            lang_to_head: format!("\"{lang_to_head}"),
            head_to_body: head_to_body.to_owned(),
            after_body: after_body.to_owned(),
        })
    }

    /// `index.html` as built: the app renders the page itself.
    pub fn unrendered(&self) -> &str {
        &self.original
    }

    /// The whole page: `head` where the build's title was, `body` in place of the skeleton.
    pub fn render(&self, lang: &str, head: &str, body: &str) -> String {
        let mut page = String::with_capacity(
            self.before_lang.len()
                + self.lang_to_head.len()
                + self.head_to_body.len()
                + self.after_body.len()
                + head.len()
                + body.len()
                + 16,
        );
        page.push_str(&self.before_lang);
        page.push_str(&super::html::escape(lang));
        page.push_str(&self.lang_to_head);
        page.push_str(head);
        page.push_str(&self.head_to_body);
        page.push_str(body);
        page.push_str(&self.after_body);
        page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html lang=\"ru\">\n<head><meta charset=\"utf-8\" />\
        <!--vestnik:head--><title>Новости</title><script>boot()</script></head>\n<body>\
        <div id=\"boot\"><!--vestnik:boot--><p>Загрузка...</p><!--/vestnik:boot--></div></body></html>";

    #[test]
    fn a_page_replaces_the_title_and_the_skeleton_and_keeps_the_rest() {
        let template = Template::parse(PAGE).unwrap();
        let page = template.render("uk", "<title>Стаття</title>", "<h1>Стаття</h1>");
        assert_eq!(
            page,
            "<!doctype html>\n<html lang=\"uk\">\n<head><meta charset=\"utf-8\" />\
             <title>Стаття</title><script>boot()</script></head>\n<body>\
             <div id=\"boot\"><h1>Стаття</h1></div></body></html>"
        );
    }

    #[test]
    fn a_page_without_the_markers_is_named_for_what_it_lacks() {
        assert_eq!(
            Template::parse("<html lang=\"ru\"><title>x</title>").unwrap_err(),
            HEAD_MARK
        );
        assert_eq!(Template::parse("<html>").unwrap_err(), "<html lang=\"…\">");
    }
}
