//! Every piece of UI text, per language.

use super::{Lang, PluralForms};

/// The UI text of one language.
#[derive(Debug)]
pub struct Strings {
    /// Shown while something loads (the seed page's "Загрузка...").
    pub loading: &'static str,
    /// Label of the retry button.
    pub retry: &'static str,
    /// Heading of the error panel.
    pub error_title: &'static str,
    /// Heading shown when the site's config.json cannot be used.
    pub config_error_title: &'static str,
    /// The request got no answer.
    pub error_network: &'static str,
    /// Prefix of a server error with its status.
    pub error_server: &'static str,
    /// The answer was not readable data.
    pub error_malformed: &'static str,
    /// Too many requests.
    pub error_rate_limited: &'static str,
    /// The server refused the input without saying why.
    pub error_invalid: &'static str,
    /// Heading of the not-found page.
    pub not_found_title: &'static str,
    /// Body of the not-found page.
    pub not_found_text: &'static str,
    /// Link back to the newest news.
    pub to_front_page: &'static str,
    /// "Источник" before the source name.
    pub source: &'static str,
    /// Accessible label of the view count.
    pub views: &'static str,
    /// Accessible label of the publication time.
    pub published: &'static str,
    /// Before the time of the last update.
    pub updated: &'static str,
    /// Shown by the panic banner.
    pub crashed: &'static str,
    /// Link that reloads the page after a crash.
    pub reload: &'static str,
    /// Link that skips to the main content.
    pub skip_to_content: &'static str,
    /// The Telegram call to action, before the link.
    pub telegram_before: &'static str,
    /// The linked words of the Telegram call to action.
    pub telegram_link: &'static str,
    /// The Telegram call to action, after the link.
    pub telegram_after: &'static str,
    /// Before a photo credit.
    pub photo_credit: &'static str,
    /// Names an embed whose provider is unknown.
    pub external_content: &'static str,
    /// Label of the share bar.
    pub share: &'static str,
    /// The button that copies the article's address.
    pub copy_link: &'static str,
    /// Confirmation after copying.
    pub link_copied: &'static str,
    /// When the browser would not copy: the reader copies by hand.
    pub copy_failed: &'static str,
    /// The button that opens the device's own share sheet.
    pub share_native: &'static str,
    /// The front page, first step of the breadcrumb.
    pub home: &'static str,
    /// Accessible name of the breadcrumb.
    pub breadcrumb: &'static str,
    /// Accessible name of the article's tag list.
    pub tags: &'static str,
    /// "N комментариев".
    pub comments: PluralForms,
    /// Heading of the list of other news under an article ("Другие новости").
    pub other_news: &'static str,
    /// Heading of the fresh news offered on the not-found page.
    pub fresh_news: &'static str,
    /// "N новостей".
    pub news: PluralForms,
    /// Announced after a page of news arrived, before the count.
    pub loaded: &'static str,
    /// The button that loads the next page of news.
    pub show_more: &'static str,
    /// The line under the last news.
    pub news_end: &'static str,
    /// Before the reason a page of news failed.
    pub news_error: &'static str,
    /// Heading of the comments.
    pub comments_title: &'static str,
    /// The seed page's empty state.
    pub no_comments: &'static str,
    /// Where the comments will be, on a page read without scripts.
    pub comments_need_script: &'static str,
    /// Before the reason the comments failed to load.
    pub comments_error: &'static str,
    /// Loads earlier comments.
    pub show_earlier: &'static str,
    /// Accessible name of the order switch.
    pub comment_order: &'static str,
    /// Order: oldest first.
    pub oldest_first: &'static str,
    /// Order: newest first.
    pub newest_first: &'static str,
    /// Shown while the live connection is being restored.
    pub reconnecting: &'static str,
    /// The reply button.
    pub reply: &'static str,
    /// Before the name of the comment replied to.
    pub replying_to: &'static str,
    /// Stops replying.
    pub cancel_reply: &'static str,
    /// Label of the name field.
    pub your_name: &'static str,
    /// Label of the text field.
    pub your_comment: &'static str,
    /// The send button.
    pub send: &'static str,
    /// How to send from the keyboard.
    pub send_hint: &'static str,
    /// A post on its way.
    pub sending: &'static str,
    /// Before the reason a post failed.
    pub not_sent: &'static str,
    /// Puts a failed post back into the form.
    pub edit: &'static str,
    /// Drops a failed post.
    pub discard: &'static str,
    /// The name is missing.
    pub name_required: &'static str,
    /// The name is too long.
    pub name_too_long: &'static str,
    /// The text is missing.
    pub text_required: &'static str,
    /// The text is too long.
    pub text_too_long: &'static str,
    /// "3 новых комментария": the button that shows comments held back, and the announcement.
    pub new_comments: PluralForms,
    /// Shown on the reader's own comment while it waits for a moderator.
    pub awaiting_review: &'static str,
    /// Under it: what happens next.
    pub awaiting_review_note: &'static str,
    /// On the reader's own comment a moderator refused, before the reason.
    pub rejected: &'static str,
    /// Hides a rejected comment from its author's page.
    pub dismiss: &'static str,
    /// The reason: spam.
    pub reason_spam: &'static str,
    /// The reason: insults.
    pub reason_insult: &'static str,
    /// The reason: off topic.
    pub reason_off_topic: &'static str,
    /// The reason: illegal content.
    pub reason_illegal: &'static str,
    /// The reason: another one.
    pub reason_other: &'static str,
    /// The button that reports a comment.
    pub report: &'static str,
    /// Legend of the report's reasons.
    pub report_question: &'static str,
    /// Sends the report.
    pub report_send: &'static str,
    /// Closes a form without sending.
    pub cancel: &'static str,
    /// After a report was sent.
    pub report_thanks: &'static str,
    /// Before the reason a report failed.
    pub report_failed: &'static str,
    /// The badge of a comment the newsroom picked.
    pub featured: &'static str,
    /// Instead of the composer on a closed article.
    pub comments_closed: &'static str,
    /// Under the composer when every comment is checked first.
    pub moderation_pre: &'static str,
    /// Under the composer when new commenters are checked first.
    pub moderation_new: &'static str,
    /// Under the composer when comments with links are checked first.
    pub moderation_links: &'static str,
    /// The post holds a word the site does not allow, before the word.
    pub refused_word: &'static str,
    /// The name holds a word the site does not allow, before the word.
    pub refused_name_word: &'static str,
    /// Too many links, before the most allowed.
    pub refused_links: &'static str,
    /// The same text was sent just now.
    pub refused_duplicate: &'static str,
    /// The spam check failed.
    pub refused_spam: &'static str,
    /// The browser's check failed.
    pub refused_proof: &'static str,
    /// The reader may not comment.
    pub refused_banned: &'static str,
    /// Before the end of a timed ban.
    pub refused_banned_until: &'static str,
    /// A post on a closed article.
    pub refused_closed: &'static str,
    /// Label of the field people never see (bots fill it).
    pub honeypot: &'static str,
}

impl Strings {
    /// The strings of `lang`.
    pub fn of(lang: Lang) -> &'static Strings {
        match lang {
            Lang::Ru => &RU,
            Lang::Uk => &UK,
            Lang::En => &EN,
        }
    }
}

static RU: Strings = Strings {
    loading: "Загрузка...",
    retry: "Повторить",
    error_title: "Не удалось загрузить",
    config_error_title: "Сайт настроен с ошибкой",
    error_network: "Нет связи с сервером. Проверьте подключение к интернету.",
    error_server: "Ошибка сервера",
    error_malformed: "Сервер прислал повреждённые данные.",
    error_rate_limited: "Слишком много запросов, подождите немного",
    error_invalid: "Сервер не принял данные.",
    not_found_title: "Страница не найдена",
    not_found_text: "Такой новости нет: возможно, её удалили или в адресе опечатка.",
    to_front_page: "К свежим новостям",
    source: "Источник",
    views: "Просмотры",
    published: "Опубликовано",
    updated: "обновлено",
    crashed: "Что-то пошло не так, и страница перестала отвечать.",
    reload: "Обновить страницу",
    skip_to_content: "Перейти к содержанию",
    telegram_before: "Сейчас все самое оперативное в нашем ",
    telegram_link: "Telegram-канале",
    telegram_after: ". Подписывайтесь, чтобы быть в курсе самой важной информации",
    photo_credit: "Фото:",
    external_content: "Внешний материал",
    share: "Поделиться",
    copy_link: "Скопировать ссылку",
    link_copied: "Ссылка скопирована",
    copy_failed: "Не удалось скопировать: выделите адрес и скопируйте его вручную",
    share_native: "Поделиться…",
    home: "Главная",
    breadcrumb: "Вы здесь",
    tags: "Теги",
    comments: PluralForms {
        one: "комментарий",
        few: "комментария",
        many: "комментариев",
        other: "комментария",
    },
    other_news: "Другие новости",
    fresh_news: "Свежие новости",
    news: PluralForms {
        one: "новость",
        few: "новости",
        many: "новостей",
        other: "новости",
    },
    loaded: "Загружено:",
    show_more: "Показать ещё",
    news_end: "Больше новостей нет",
    news_error: "Не удалось загрузить новости.",
    comments_title: "Комментарии",
    no_comments: "Нет комментариев. Ваш будет первым!",
    comments_need_script: "Чтобы читать и писать комментарии, включите JavaScript.",
    comments_error: "Не удалось загрузить комментарии.",
    show_earlier: "Показать предыдущие",
    comment_order: "Порядок комментариев",
    oldest_first: "Сначала старые",
    newest_first: "Сначала новые",
    reconnecting: "Связь прервалась, переподключаемся…",
    reply: "Ответить",
    replying_to: "Ответ для",
    cancel_reply: "Отменить",
    your_name: "Ваше имя",
    your_comment: "Ваш комментарий",
    send: "Отправить",
    send_hint: "Ctrl+Enter — отправить",
    sending: "Отправляется…",
    not_sent: "Не отправлено.",
    edit: "Изменить",
    discard: "Удалить",
    name_required: "Укажите имя",
    name_too_long: "Имя длиннее 80 символов",
    text_required: "Напишите комментарий",
    text_too_long: "Комментарий длиннее 2000 символов",
    new_comments: PluralForms {
        one: "новый комментарий",
        few: "новых комментария",
        many: "новых комментариев",
        other: "нового комментария",
    },
    awaiting_review: "На проверке",
    awaiting_review_note: "Его увидят все, когда модератор проверит комментарий.",
    rejected: "Отклонён модератором:",
    dismiss: "Скрыть",
    reason_spam: "Спам",
    reason_insult: "Оскорбление",
    reason_off_topic: "Не по теме",
    reason_illegal: "Противоправный контент",
    reason_other: "Другое",
    report: "Пожаловаться",
    report_question: "Что не так с комментарием?",
    report_send: "Отправить жалобу",
    cancel: "Отмена",
    report_thanks: "Спасибо, модераторы посмотрят.",
    report_failed: "Жалоба не отправлена.",
    featured: "Выбор редакции",
    comments_closed: "Обсуждение закрыто",
    moderation_pre: "Комментарии публикуются после проверки модератором.",
    moderation_new: "Первые комментарии новых участников публикуются после проверки модератором.",
    moderation_links: "Комментарии со ссылками публикуются после проверки модератором.",
    refused_word: "В комментарии есть недопустимое слово:",
    refused_name_word: "В имени есть недопустимое слово:",
    refused_links: "Слишком много ссылок. Можно не больше:",
    refused_duplicate: "Вы уже отправляли этот текст.",
    refused_spam: "Комментарий не прошёл проверку на спам.",
    refused_proof: "Браузер не прошёл проверку. Попробуйте отправить ещё раз.",
    refused_banned: "Модератор запретил вам комментировать",
    refused_banned_until: "до",
    refused_closed: "Обсуждение закрыто, комментарий не принят.",
    honeypot: "Оставьте это поле пустым",
};

static UK: Strings = Strings {
    loading: "Завантаження...",
    retry: "Повторити",
    error_title: "Не вдалося завантажити",
    config_error_title: "Сайт налаштовано з помилкою",
    error_network: "Немає зв'язку із сервером. Перевірте підключення до інтернету.",
    error_server: "Помилка сервера",
    error_malformed: "Сервер надіслав пошкоджені дані.",
    error_rate_limited: "Забагато запитів, зачекайте трохи",
    error_invalid: "Сервер не прийняв дані.",
    not_found_title: "Сторінку не знайдено",
    not_found_text: "Такої новини немає: можливо, її видалили або в адресі помилка.",
    to_front_page: "До свіжих новин",
    source: "Джерело",
    views: "Перегляди",
    published: "Опубліковано",
    updated: "оновлено",
    crashed: "Щось пішло не так, і сторінка перестала відповідати.",
    reload: "Оновити сторінку",
    skip_to_content: "Перейти до змісту",
    telegram_before: "Зараз усе найоперативніше в нашому ",
    telegram_link: "Telegram-каналі",
    telegram_after: ". Підписуйтеся, щоб бути в курсі найважливішої інформації",
    photo_credit: "Фото:",
    external_content: "Зовнішній матеріал",
    share: "Поділитися",
    copy_link: "Скопіювати посилання",
    link_copied: "Посилання скопійовано",
    copy_failed: "Не вдалося скопіювати: виділіть адресу й скопіюйте її вручну",
    share_native: "Поділитися…",
    home: "Головна",
    breadcrumb: "Ви тут",
    tags: "Теги",
    comments: PluralForms {
        one: "коментар",
        few: "коментарі",
        many: "коментарів",
        other: "коментаря",
    },
    other_news: "Інші новини",
    fresh_news: "Свіжі новини",
    news: PluralForms {
        one: "новина",
        few: "новини",
        many: "новин",
        other: "новини",
    },
    loaded: "Завантажено:",
    show_more: "Показати ще",
    news_end: "Більше новин немає",
    news_error: "Не вдалося завантажити новини.",
    comments_title: "Коментарі",
    no_comments: "Немає коментарів. Ваш буде першим!",
    comments_need_script: "Щоб читати й писати коментарі, увімкніть JavaScript.",
    comments_error: "Не вдалося завантажити коментарі.",
    show_earlier: "Показати попередні",
    comment_order: "Порядок коментарів",
    oldest_first: "Спершу старі",
    newest_first: "Спершу нові",
    reconnecting: "Зв'язок перервався, перепідключаємося…",
    reply: "Відповісти",
    replying_to: "Відповідь для",
    cancel_reply: "Скасувати",
    your_name: "Ваше ім'я",
    your_comment: "Ваш коментар",
    send: "Надіслати",
    send_hint: "Ctrl+Enter — надіслати",
    sending: "Надсилається…",
    not_sent: "Не надіслано.",
    edit: "Змінити",
    discard: "Видалити",
    name_required: "Вкажіть ім'я",
    name_too_long: "Ім'я довше за 80 символів",
    text_required: "Напишіть коментар",
    text_too_long: "Коментар довший за 2000 символів",
    new_comments: PluralForms {
        one: "новий коментар",
        few: "нові коментарі",
        many: "нових коментарів",
        other: "нового коментаря",
    },
    awaiting_review: "На перевірці",
    awaiting_review_note: "Його побачать усі, коли модератор перевірить коментар.",
    rejected: "Відхилено модератором:",
    dismiss: "Приховати",
    reason_spam: "Спам",
    reason_insult: "Образа",
    reason_off_topic: "Не на тему",
    reason_illegal: "Протиправний вміст",
    reason_other: "Інше",
    report: "Поскаржитися",
    report_question: "Що не так із коментарем?",
    report_send: "Надіслати скаргу",
    cancel: "Скасувати",
    report_thanks: "Дякуємо, модератори переглянуть.",
    report_failed: "Скаргу не надіслано.",
    featured: "Вибір редакції",
    comments_closed: "Обговорення закрито",
    moderation_pre: "Коментарі публікуються після перевірки модератором.",
    moderation_new: "Перші коментарі нових учасників публікуються після перевірки модератором.",
    moderation_links: "Коментарі з посиланнями публікуються після перевірки модератором.",
    refused_word: "У коментарі є неприпустиме слово:",
    refused_name_word: "В імені є неприпустиме слово:",
    refused_links: "Забагато посилань. Можна не більше:",
    refused_duplicate: "Ви вже надсилали цей текст.",
    refused_spam: "Коментар не пройшов перевірку на спам.",
    refused_proof: "Браузер не пройшов перевірку. Спробуйте надіслати ще раз.",
    refused_banned: "Модератор заборонив вам коментувати",
    refused_banned_until: "до",
    refused_closed: "Обговорення закрито, коментар не прийнято.",
    honeypot: "Залиште це поле порожнім",
};

static EN: Strings = Strings {
    loading: "Loading...",
    retry: "Try again",
    error_title: "Could not load",
    config_error_title: "The site is misconfigured",
    error_network: "No connection to the server. Check your internet connection.",
    error_server: "Server error",
    error_malformed: "The server sent damaged data.",
    error_rate_limited: "Too many requests, please wait a little",
    error_invalid: "The server did not accept the input.",
    not_found_title: "Page not found",
    not_found_text: "There is no such story: it may have been removed, or the address has a typo.",
    to_front_page: "To the latest news",
    source: "Source",
    views: "Views",
    published: "Published",
    updated: "updated",
    crashed: "Something went wrong and the page stopped responding.",
    reload: "Reload the page",
    skip_to_content: "Skip to content",
    telegram_before: "The fastest news is on our ",
    telegram_link: "Telegram channel",
    telegram_after: ". Subscribe to keep up with what matters",
    photo_credit: "Photo:",
    external_content: "External content",
    share: "Share",
    copy_link: "Copy link",
    link_copied: "Link copied",
    copy_failed: "Could not copy: select the address and copy it by hand",
    share_native: "Share…",
    home: "Home",
    breadcrumb: "You are here",
    tags: "Tags",
    comments: PluralForms {
        one: "comment",
        few: "comments",
        many: "comments",
        other: "comments",
    },
    other_news: "More news",
    fresh_news: "Latest news",
    news: PluralForms {
        one: "story",
        few: "stories",
        many: "stories",
        other: "stories",
    },
    loaded: "Loaded:",
    show_more: "Show more",
    news_end: "No more news",
    news_error: "Could not load the news.",
    comments_title: "Comments",
    no_comments: "No comments yet. Be the first!",
    comments_need_script: "Turn on JavaScript to read and write comments.",
    comments_error: "Could not load the comments.",
    show_earlier: "Show earlier",
    comment_order: "Comment order",
    oldest_first: "Oldest first",
    newest_first: "Newest first",
    reconnecting: "Connection lost, reconnecting…",
    reply: "Reply",
    replying_to: "Replying to",
    cancel_reply: "Cancel",
    your_name: "Your name",
    your_comment: "Your comment",
    send: "Send",
    send_hint: "Ctrl+Enter sends",
    sending: "Sending…",
    not_sent: "Not sent.",
    edit: "Edit",
    discard: "Discard",
    name_required: "Enter your name",
    name_too_long: "The name is longer than 80 characters",
    text_required: "Write a comment",
    text_too_long: "The comment is longer than 2000 characters",
    new_comments: PluralForms {
        one: "new comment",
        few: "new comments",
        many: "new comments",
        other: "new comments",
    },
    awaiting_review: "Awaiting review",
    awaiting_review_note: "Everyone will see it once a moderator has checked it.",
    rejected: "Rejected by a moderator:",
    dismiss: "Dismiss",
    reason_spam: "Spam",
    reason_insult: "Insult",
    reason_off_topic: "Off topic",
    reason_illegal: "Illegal content",
    reason_other: "Other",
    report: "Report",
    report_question: "What is wrong with this comment?",
    report_send: "Send report",
    cancel: "Cancel",
    report_thanks: "Thank you: the moderators will look at it.",
    report_failed: "The report was not sent.",
    featured: "Editors' pick",
    comments_closed: "Comments are closed",
    moderation_pre: "Comments appear after a moderator has checked them.",
    moderation_new: "A new commenter's first comments appear after a moderator has checked them.",
    moderation_links: "Comments with links appear after a moderator has checked them.",
    refused_word: "The comment holds a word this site does not allow:",
    refused_name_word: "The name holds a word this site does not allow:",
    refused_links: "Too many links. At most:",
    refused_duplicate: "You have sent this text already.",
    refused_spam: "The comment did not pass the spam check.",
    refused_proof: "The browser check failed. Please send again.",
    refused_banned: "A moderator has stopped you from commenting",
    refused_banned_until: "until",
    refused_closed: "Comments are closed: the comment was not accepted.",
    honeypot: "Leave this field empty",
};
