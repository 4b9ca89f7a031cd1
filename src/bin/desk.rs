//! Entry point of the moderation desk's browser build (`moderation.html`):
//! a binary of its own, so readers never download the desk.

fn main() {
    vestnik::desk::start();
}
