//! Writing HTML by hand, safely: every text and attribute value goes through
//! escaping, so nothing an article, a comment or a setting holds can become markup.

/// An HTML fragment being written.
#[derive(Debug, Default)]
pub struct Html(String);

impl Html {
    /// An empty fragment.
    pub fn new() -> Self {
        Self::default()
    }

    /// `<tag attr="value"…>`; attributes with `None` are left out.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            if let Some(value) = value {
                self.0.push(' ');
                self.0.push_str(name);
                self.0.push_str("=\"");
                escape_into(&mut self.0, value, true);
                self.0.push('"');
            }
        }
        self.0.push('>');
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn element(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// `<div class="island" data-island="{name}">…</div>` around `inner`: a
    /// part the app replaces with its live component when it takes the page
    /// over (`src/islands.rs`); `display: contents` keeps it out of the layout.
    pub fn island(&mut self, name: &str, inner: Html) -> &mut Self {
        self.open(
            "div",
            &[("class", Some("island")), ("data-island", Some(name))],
        )
        .append(inner)
        .close("div")
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Self {
        escape_into(&mut self.0, text, false);
        self
    }

    /// Markup this program wrote itself (never anything from outside).
    pub fn trusted(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Another fragment, as it is.
    pub fn append(&mut self, other: Html) -> &mut Self {
        self.0.push_str(&other.0);
        self
    }

    /// The markup written so far.
    pub fn into_string(self) -> String {
        self.0
    }
}

fn escape_into(out: &mut String, text: &str, in_attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attribute => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// `text` escaped for an HTML text node.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false);
    out
}

pub use vestnik_api::head::script_json;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_cannot_become_markup() {
        let mut html = Html::new();
        html.open("a", &[("href", Some("/x?a=1&b=\"2\"")), ("title", None)])
            .text("<script>alert(1)</script> & co")
            .close("a");
        assert_eq!(
            html.into_string(),
            "<a href=\"/x?a=1&amp;b=&quot;2&quot;\">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>"
        );
        assert_eq!(
            script_json(&"</script><script>alert(1)</script>"),
            "\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\""
        );
    }
}
