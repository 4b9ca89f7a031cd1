//! HTML import: hostile markup never reaches a block, legitimate text does,
//! and the `import-article` subcommand stores what the API then serves.

use std::process::Command;
use vestnik_api::{Block, Image, Inline, Mark};
use vestnik_server::import::{html_to_blocks, lead_from, sanitize};

/// Everything a block holds that a browser might interpret, lowercased.
fn surfaces(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph { inlines } => {
                for run in inlines {
                    out.push(run.text.clone());
                    out.extend(run.href.clone());
                }
            }
            Block::Heading { text, .. } => out.push(text.clone()),
            Block::Quote { text, attribution } => {
                out.push(text.clone());
                out.extend(attribution.clone());
            }
            Block::Image(image) => {
                out.extend([image.src.clone(), image.alt.clone()]);
                out.extend(image.caption.clone());
            }
            Block::Embed {
                url,
                title,
                provider,
            } => {
                out.push(url.clone());
                out.extend(title.clone());
                out.extend(provider.clone());
            }
            Block::Unsupported => out.push("unsupported".to_owned()),
        }
    }
    out.into_iter().map(|s| s.to_lowercase()).collect()
}

fn assert_harmless(blocks: &[Block]) {
    for text in surfaces(blocks) {
        for bad in [
            "<script",
            "alert(",
            "javascript:",
            "onerror",
            "onload",
            "onclick",
            "data:",
            "<svg",
            "<iframe",
            "style=",
            "vbscript:",
            "expression(",
        ] {
            assert!(!text.contains(bad), "{bad:?} survived in {text:?}");
        }
    }
}

fn all_text(blocks: &[Block]) -> String {
    surfaces(blocks).join(" ")
}

#[test]
fn hostile_html_leaves_no_script_handler_or_dangerous_url() {
    let hostile = r#"
        <p>Начало <script>alert('x')</script>статьи.</p>
        <p><img src="x" onerror="alert(1)">Картинка с обработчиком.</p>
        <p><a href="javascript:alert(1)">Ссылка-ловушка</a> и
           <a href="JaVaScRiPt:alert(2)">вторая</a> и
           <a href="&#106;avascript&#58;alert(3)">третья</a> и
           <a href="java&#x09;script:alert(4)">четвёртая</a> и
           <a href=" &#x0A;javascript:alert(5)">пятая</a> и
           <a href="vbscript:msgbox(6)">шестая</a> и
           <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg3KTwvc2NyaXB0Pg==">седьмая</a>.</p>
        <svg onload="alert(8)"><text>Текст в SVG</text></svg>
        <p onclick="alert(9)" style="background:url(javascript:alert(10))">Стиль и клик.</p>
        <iframe src="https://evil.example/"><p>Запасной текст фрейма</p></iframe>
        <style>p { color: red } </style>
        <div><section><custom-tag data-x="1"><span><p>Глубоко вложенный текст.</p></span></custom-tag></section></div>
        <figure><img src="data:image/png;base64,AAAA" width="10" height="10"><figcaption>Data-картинка</figcaption></figure>
        <figure><img src="javascript:alert(11)" width="10" height="10"></figure>
        <math><mi xlink:href="javascript:alert(12)">Формула</mi></math>
        <object data="evil.swf"></object><embed src="evil.swf">
        <a href="https://example.com/" onmouseover="alert(13)">Нормальная ссылка</a>
        <noscript><p>Без скриптов</p></noscript>
        <template><p>Шаблон</p></template>
        <!-- <script>alert(15)</script> -->
    "#;
    let blocks = html_to_blocks(hostile);
    assert_harmless(&blocks);
    let text = all_text(&blocks);
    for legit in [
        "начало статьи.",
        "картинка с обработчиком.",
        "ссылка-ловушка",
        "седьмая",
        "стиль и клик.",
        "глубоко вложенный текст.",
        "нормальная ссылка",
    ] {
        assert!(text.contains(legit), "{legit:?} lost from {text:?}");
    }
    for gone in [
        "текст в svg",
        "запасной текст",
        "color: red",
        "формула",
        "шаблон",
    ] {
        assert!(!text.contains(gone), "{gone:?} should be dropped: {text:?}");
    }
    // The safe link keeps its target; no dangerous one keeps any.
    assert_eq!(hrefs(&blocks), ["https://example.com/"]);
    // Neither image survives: their sources are not http(s) or a local path.
    assert!(!blocks.iter().any(|b| matches!(b, Block::Image(_))));
}

/// Every link target of the paragraphs, in order.
fn hrefs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .flat_map(|b| match b {
            Block::Paragraph { inlines } => inlines.clone(),
            _ => Vec::new(),
        })
        .filter_map(|run| run.href)
        .collect()
}

#[test]
fn links_follow_the_apps_url_policy_and_are_written_the_standard_way() {
    let blocks = html_to_blocks(
        r#"<p><a href="/news/other">своя</a> <a href="/\evil.example/">обратная косая</a>
           <a href="//evil.example/">без схемы</a> <a href="/&#x09;/evil.example">с табуляцией</a>
           <a href="https://bank.example@evil.example/">с именем</a>
           <a href="news/relative">относительная</a>
           <a href="HTTP://Пример.РФ/новости">кириллица</a>
           <a href="mailto:news@example.org">почта</a></p>
           <figure><img src="/\evil.example/a.jpg" width="10" height="10"></figure>
           <figure><img src="/media/a.jpg" width="10" height="10"></figure>"#,
    );
    assert_eq!(
        hrefs(&blocks),
        [
            "/news/other",
            "http://xn--e1afmkfd.xn--p1ai/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
            "mailto:news@example.org",
        ]
    );
    for href in hrefs(&blocks) {
        assert_eq!(vestnik_api::links::safe_href(&href), Some(href.as_str()));
    }
    let images: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(image) => Some(image.src.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(images, ["/media/a.jpg"]);
}

#[test]
fn the_sanitizer_keeps_only_the_allowed_markup() {
    let clean = sanitize(
        r#"<p class="x" id="y" style="color:red">a <em title="t">b</em> <a href="https://e.example/" target="_blank" rel="x">c</a></p><h1>h</h1><ul><li>d</li></ul>"#,
    );
    assert_eq!(
        clean,
        r#"<p>a <em>b</em> <a href="https://e.example/">c</a></p>hd"#
    );
}

#[test]
fn paragraphs_keep_marks_links_and_line_breaks() {
    let blocks = html_to_blocks(
        "<p>  Мэр   <b>Игорь\n Терехов</b> сказал:<br> <i>«Мы <strong>готовы</strong>»</i>. \
         Подробнее на <a href='https://www.city.kharkiv.ua/'>сайте</a>.  </p>\
         <p>Строка<br><br>Новый абзац</p><p> </p>",
    );
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph {
                inlines: vec![
                    Inline::plain("Мэр "),
                    Inline {
                        text: "Игорь Терехов".to_owned(),
                        marks: vec![Mark::Strong],
                        href: None
                    },
                    Inline::plain(" сказал:\n"),
                    Inline {
                        text: "«Мы ".to_owned(),
                        marks: vec![Mark::Emphasis],
                        href: None
                    },
                    Inline {
                        text: "готовы".to_owned(),
                        marks: vec![Mark::Emphasis, Mark::Strong],
                        href: None
                    },
                    Inline {
                        text: "»".to_owned(),
                        marks: vec![Mark::Emphasis],
                        href: None
                    },
                    Inline::plain(". Подробнее на "),
                    Inline {
                        text: "сайте".to_owned(),
                        marks: Vec::new(),
                        href: Some("https://www.city.kharkiv.ua/".to_owned())
                    },
                    Inline::plain("."),
                ]
            },
            Block::Paragraph {
                inlines: vec![Inline::plain("Строка")]
            },
            Block::Paragraph {
                inlines: vec![Inline::plain("Новый абзац")]
            },
        ]
    );
}

#[test]
fn headings_quotes_figures_and_embeds_become_their_blocks() {
    let blocks = html_to_blocks(
        r#"Текст без абзаца
        <h2>Инвестиции</h2><h3> Подробности </h3><h4>Мелко</h4><h5>Пятый уровень</h5>
        <blockquote><p>«Харьков — город возможностей»</p><p>— Алекс Ленартс</p></blockquote>
        <blockquote>Цитата<br>в две строки<cite>Пресс-служба</cite></blockquote>
        <blockquote><p>Без автора</p></blockquote>
        <figure><img src="/media/bridge.jpg" alt="Мост" width="1600" height="900"><figcaption>Мост после <b>ремонта</b></figcaption></figure>
        <figure><img src="https://cdn.example/a.jpg" alt="Без размера"><figcaption>Пропадёт</figcaption></figure>
        <figure><img src="//evil.example/a.jpg" width="10" height="10"></figure>
        <p><a href="https://youtu.be/dQw4w9WgXcQ">Видео с места событий</a></p>
        <p><a href="https://vimeo.com/123">https://vimeo.com/123</a></p>
        <p>https://t.me/kharkiv_news/123</p>
        <p>Смотрите <a href="https://www.youtube.com/watch?v=x">видео</a> здесь.</p>"#,
    );
    assert_eq!(
        blocks,
        vec![
            Block::Paragraph {
                inlines: vec![Inline::plain("Текст без абзаца")]
            },
            Block::Heading {
                level: 2,
                text: "Инвестиции".to_owned()
            },
            Block::Heading {
                level: 3,
                text: "Подробности".to_owned()
            },
            Block::Heading {
                level: 4,
                text: "Мелко".to_owned()
            },
            Block::Paragraph {
                inlines: vec![Inline::plain("Пятый уровень")]
            },
            Block::Quote {
                text: "Харьков — город возможностей".to_owned(),
                attribution: Some("Алекс Ленартс".to_owned())
            },
            Block::Quote {
                text: "Цитата\nв две строки".to_owned(),
                attribution: Some("Пресс-служба".to_owned())
            },
            Block::Quote {
                text: "Без автора".to_owned(),
                attribution: None
            },
            Block::Image(Image {
                src: "/media/bridge.jpg".to_owned(),
                alt: "Мост".to_owned(),
                caption: Some("Мост после ремонта".to_owned()),
                credit: None,
                width: 1600,
                height: 900,
                sources: Vec::new(),
            }),
            Block::Embed {
                url: "https://youtu.be/dQw4w9WgXcQ".to_owned(),
                title: Some("Видео с места событий".to_owned()),
                provider: Some("YouTube".to_owned())
            },
            Block::Embed {
                url: "https://vimeo.com/123".to_owned(),
                title: None,
                provider: Some("Vimeo".to_owned())
            },
            Block::Embed {
                url: "https://t.me/kharkiv_news/123".to_owned(),
                title: None,
                provider: Some("Telegram".to_owned())
            },
            Block::Paragraph {
                inlines: vec![
                    Inline::plain("Смотрите "),
                    Inline {
                        text: "видео".to_owned(),
                        marks: Vec::new(),
                        href: Some("https://www.youtube.com/watch?v=x".to_owned())
                    },
                    Inline::plain(" здесь."),
                ]
            },
        ]
    );
}

#[test]
fn the_lead_is_the_start_of_the_first_paragraph() {
    let short = html_to_blocks("<h2>З</h2><p>Коротко.</p><p>Дальше.</p>");
    assert_eq!(lead_from(&short), "Коротко.");
    let long = html_to_blocks(&format!("<p>{}</p>", "слово ".repeat(100)));
    let lead = lead_from(&long);
    assert!(lead.ends_with("слово…"), "{lead}");
    assert!(lead.chars().count() <= 301);
}

const BINARY: &str = env!("CARGO_BIN_EXE_vestnik-server");

#[test]
fn the_import_subcommand_stores_an_article_the_api_serves() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}/data/import.db", dir.path().display());
    let html = dir.path().join("article.html");
    std::fs::write(
        &html,
        "<p>Первый абзац <script>alert(1)</script>импорта.</p>\
         <h2>Раздел</h2><p><a href=\"javascript:alert(1)\">ловушка</a></p>",
    )
    .unwrap();
    let import = |title: &str, extra: &[&str]| {
        let mut args = vec![
            "import-article",
            "--database",
            &database,
            "--slug",
            "imported-news",
            "--title",
            title,
            "--html",
            html.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        Command::new(BINARY)
            .args(&args)
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    let output = import(
        "Импортированная новость",
        &[
            "--source-name",
            "Горсовет",
            "--source-url",
            "https://www.city.kharkiv.ua/",
            "--published-at",
            "2026-11-25T00:47:00Z",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "imported article imported-news (3 blocks)"
    );
    // Importing again replaces the content; the publication time stays.
    let output = import("Новый заголовок", &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("replaced article imported-news"));

    let (code, stderr) = {
        let output = Command::new(BINARY)
            .args([
                "import-article",
                "--database",
                &database,
                "--slug",
                "bad slug",
                "--title",
                "T",
                "--html",
                "x.html",
            ])
            .output()
            .unwrap();
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    assert_eq!(code, Some(2));
    assert!(stderr.contains("invalid slug"), "{stderr}");
    let missing = Command::new(BINARY)
        .args([
            "import-article",
            "--database",
            &database,
            "--slug",
            "x",
            "--title",
            "T",
            "--html",
            "/nonexistent/a.html",
        ])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read /nonexistent/a.html"));

    let article = serve_and_get(&database, "/api/articles/imported-news");
    assert_eq!(article["title"], "Новый заголовок");
    assert_eq!(article["published_at"], "2026-11-25T00:47:00Z");
    assert_eq!(article["lead"], "Первый абзац импорта.");
    assert_eq!(
        article["source"]["name"], "Харьковчанин",
        "the site name by default"
    );
    assert_eq!(article["comment_count"], 0);
    let body: Vec<Block> = serde_json::from_value(article["body"].clone()).unwrap();
    assert_harmless(&body);
    assert_eq!(body.len(), 3);
    assert_eq!(
        body[1],
        Block::Heading {
            level: 2,
            text: "Раздел".to_owned()
        }
    );
}

/// Starts the binary on `database` (no demo), GETs `path`, stops it; the JSON body.
fn serve_and_get(database: &str, path: &str) -> serde_json::Value {
    use std::io::{Read, Write};
    let mut command = Command::new(BINARY);
    command
        .args(["--addr", "127.0.0.1:0", "--no-demo", "--database", database])
        .env("RUST_LOG", "warn");
    let (mut child, addr) = crate::common::start_binary(command);
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let body = response.split_once("\r\n\r\n").unwrap().1;
    serde_json::from_str(body).unwrap()
}
