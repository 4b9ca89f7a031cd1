//! What an alert says: a batch of notices summed up, as the webhook's JSON
//! and as a chat message in the site's language.

use super::{Notice, NoticeKind, SHOWN_IN_SUMMARY};
use vestnik_api::i18n::Lang;
use vestnik_api::moderation::HeldFor;

/// A batch of notices, each comment once (its latest notice), oldest first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Comments that wait for a decision.
    pub pending: usize,
    /// Comments readers reported.
    pub reported: usize,
    /// The first few, in detail.
    pub items: Vec<Notice>,
    /// How many more there are.
    pub more: usize,
}

impl Summary {
    /// Sums up `notices`; a comment reported several times counts once.
    pub fn of(notices: Vec<Notice>) -> Self {
        let mut unique: Vec<Notice> = Vec::with_capacity(notices.len());
        for notice in notices {
            match unique
                .iter_mut()
                .find(|n| n.comment_id == notice.comment_id && n.kind == notice.kind)
            {
                Some(known) => *known = notice,
                None => unique.push(notice),
            }
        }
        let count = |kind| unique.iter().filter(|n| n.kind == kind).count();
        let (pending, reported) = (count(NoticeKind::Pending), count(NoticeKind::Reported));
        let more = unique.len().saturating_sub(SHOWN_IN_SUMMARY);
        unique.truncate(SHOWN_IN_SUMMARY);
        Self {
            pending,
            reported,
            items: unique,
            more,
        }
    }
}

/// The webhook's JSON body.
pub fn webhook_body(summary: &Summary, desk_url: Option<&str>) -> String {
    #[derive(serde::Serialize)]
    struct Body<'a> {
        event: &'static str,
        #[serde(flatten)]
        summary: &'a Summary,
        #[serde(skip_serializing_if = "Option::is_none")]
        desk_url: Option<&'a str>,
    }
    serde_json::to_string(&Body {
        event: "moderation.alert",
        summary,
        desk_url,
    })
    .unwrap_or_else(|_| unreachable!("the alert body is plain data"))
}

/// The words of a message, per language.
struct Words {
    one_pending: &'static str,
    one_reported: &'static str,
    summary: &'static str,
    pending: &'static str,
    reported: &'static str,
    more: &'static str,
    desk: &'static str,
    why: fn(HeldFor) -> &'static str,
}

const RU: Words = Words {
    one_pending: "Комментарий ждёт проверки",
    one_reported: "На комментарий пожаловались",
    summary: "Модерация",
    pending: "ждут проверки",
    reported: "с жалобами",
    more: "и ещё",
    desk: "Открыть модерацию",
    why: |held| match held {
        HeldFor::PreModeration => "премодерация",
        HeldFor::NewCommenter => "новый комментатор",
        HeldFor::Links => "ссылка",
        HeldFor::SuspectWord => "подозрительное слово",
        HeldFor::Reports => "жалобы читателей",
        HeldFor::Repeated => "повтор чужого текста",
        HeldFor::Unknown => "другое",
    },
};

const UK: Words = Words {
    one_pending: "Коментар чекає перевірки",
    one_reported: "На коментар поскаржилися",
    summary: "Модерація",
    pending: "чекають перевірки",
    reported: "зі скаргами",
    more: "і ще",
    desk: "Відкрити модерацію",
    why: |held| match held {
        HeldFor::PreModeration => "премодерація",
        HeldFor::NewCommenter => "новий коментатор",
        HeldFor::Links => "посилання",
        HeldFor::SuspectWord => "підозріле слово",
        HeldFor::Reports => "скарги читачів",
        HeldFor::Repeated => "повтор чужого тексту",
        HeldFor::Unknown => "інше",
    },
};

const EN: Words = Words {
    one_pending: "A comment waits for review",
    one_reported: "A comment was reported",
    summary: "Moderation",
    pending: "waiting",
    reported: "reported",
    more: "and",
    desk: "Open the desk",
    why: |held| match held {
        HeldFor::PreModeration => "pre-moderation",
        HeldFor::NewCommenter => "new commenter",
        HeldFor::Links => "a link",
        HeldFor::SuspectWord => "a suspect word",
        HeldFor::Reports => "readers' reports",
        HeldFor::Repeated => "someone else's text repeated",
        HeldFor::Unknown => "other",
    },
};

/// The chat message for `summary` in `lang`, with a link to the desk.
pub fn text(summary: &Summary, lang: Lang, desk_url: Option<&str>) -> String {
    let words = match lang {
        Lang::Ru => &RU,
        Lang::Uk => &UK,
        Lang::En => &EN,
    };
    let line = |notice: &Notice| {
        let why = notice
            .held_for
            .map(|held| format!(" ({})", (words.why)(held)))
            .unwrap_or_default();
        format!(
            "«{}» — {}: {}{why}",
            notice.article.title, notice.author, notice.excerpt
        )
    };
    let mut text = match (summary.items.as_slice(), summary.more) {
        ([only], 0) => {
            let head = match only.kind {
                NoticeKind::Pending => words.one_pending,
                NoticeKind::Reported => words.one_reported,
            };
            format!("{head}\n{}", line(only))
        }
        (items, more) => {
            let mut text = format!(
                "{}: {} {}, {} {}",
                words.summary, words.pending, summary.pending, words.reported, summary.reported
            );
            for item in items {
                text.push_str("\n• ");
                text.push_str(&line(item));
            }
            if more > 0 {
                text.push_str(&format!("\n… {} {more}", words.more));
            }
            text
        }
    };
    if let Some(url) = desk_url {
        text.push_str(&format!("\n{}: {url}", words.desk));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use vestnik_api::moderation::ArticleRef;

    fn notice(id: i64, kind: NoticeKind) -> Notice {
        Notice {
            kind,
            comment_id: id,
            article: ArticleRef {
                slug: "s".into(),
                title: "Заголовок".into(),
            },
            author: "Оля".into(),
            excerpt: "Текст".into(),
            held_for: Some(HeldFor::NewCommenter),
        }
    }

    #[test]
    fn one_comment_is_told_in_detail_and_a_flood_as_a_summary() {
        let one = Summary::of(vec![notice(1, NoticeKind::Pending)]);
        let text = text(&one, Lang::Ru, Some("https://x.example/moderation/"));
        assert_eq!(
            text,
            "Комментарий ждёт проверки\n«Заголовок» — Оля: Текст (новый комментатор)\n\
             Открыть модерацию: https://x.example/moderation/"
        );
        let flood: Vec<Notice> = (1..=1000)
            .map(|id| notice(id, NoticeKind::Pending))
            .collect();
        let summary = Summary::of(flood);
        assert_eq!(
            (summary.pending, summary.items.len(), summary.more),
            (1000, 5, 995)
        );
        let text = super::text(&summary, Lang::En, None);
        assert!(
            text.starts_with("Moderation: waiting 1000, reported 0\n• "),
            "{text}"
        );
        assert!(text.ends_with("… and 995"), "{text}");
    }

    #[test]
    fn a_comment_reported_many_times_counts_once() {
        let summary = Summary::of(vec![
            notice(7, NoticeKind::Reported),
            notice(7, NoticeKind::Reported),
            notice(8, NoticeKind::Pending),
        ]);
        assert_eq!((summary.pending, summary.reported, summary.more), (1, 1, 0));
        let body = webhook_body(&summary, Some("https://x.example/moderation/"));
        let json: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(json["event"], "moderation.alert");
        assert_eq!(json["items"][0]["comment_id"], 7);
        assert_eq!(json["items"][1]["held_for"], "new_commenter");
    }
}
