//! The desk's words in Russian, Ukrainian and English. They live here, not
//! in `vestnik_api::i18n::Strings`: that table is in every reader's Wasm,
//! and readers never see the desk.

use super::keys::Shortcut;
use super::state::{ActionKind, BanLength, Connection};
use vestnik_api::i18n::Lang;
use vestnik_api::moderation::{BanScope, HeldFor, Queue, WordKind};
use vestnik_api::{CommentStatus, ModerationMode, Reason};

/// Every string the desk shows, in one language.
#[derive(Debug)]
pub struct DeskStrings {
    /// The page's title.
    pub title: &'static str,
    /// The login form's heading.
    pub login_title: &'static str,
    /// Where a token comes from.
    pub login_intro: &'static str,
    /// The token field's label.
    pub token_label: &'static str,
    /// The "remember" box.
    pub remember: &'static str,
    /// The login button.
    pub login: &'static str,
    /// While the token is checked.
    pub checking: &'static str,
    /// Nothing was typed.
    pub login_empty: &'static str,
    /// The server refused the token.
    pub login_wrong: &'static str,
    /// The session ended (a 401 after logging in).
    pub login_ended: &'static str,
    /// The server could not be asked.
    pub login_unreachable: &'static str,
    /// "Log out".
    pub logout: &'static str,
    /// Before the moderator's name.
    pub moderator: &'static str,
    /// The site's settings, as a heading.
    pub site_rules: &'static str,
    /// The stream is open.
    pub live: &'static str,
    /// The stream is opening.
    pub connecting: &'static str,
    /// The stream dropped.
    pub reconnecting: &'static str,
    /// The site's mode: post-moderation.
    pub rule_post: &'static str,
    /// The site's mode: pre-moderation.
    pub rule_pre: &'static str,
    /// The site's mode: new commenters wait (then the count after which they do not).
    pub rule_new: &'static str,
    /// The site's mode: comments with links wait.
    pub rule_links: &'static str,
    /// Reports that send a comment back (then the count).
    pub rule_reports: &'static str,
    /// Articles close after (then days).
    pub rule_close_after: &'static str,
    /// "days", after the count.
    pub days: &'static str,
    /// Articles never close.
    pub rule_never_close: &'static str,
    /// Most links in a comment (then the count).
    pub rule_max_links: &'static str,
    /// The proof of work is on.
    pub rule_proof_on: &'static str,
    /// The proof of work is off.
    pub rule_proof_off: &'static str,
    /// The tab list's label.
    pub sections: &'static str,
    /// The pending queue.
    pub queue_pending: &'static str,
    /// The reported queue.
    pub queue_reported: &'static str,
    /// The recent queue.
    pub queue_recent: &'static str,
    /// The rejected queue.
    pub queue_rejected: &'static str,
    /// The log tab.
    pub tab_log: &'static str,
    /// The word lists tab.
    pub tab_words: &'static str,
    /// The bans tab.
    pub tab_bans: &'static str,
    /// The article settings tab.
    pub tab_article: &'static str,
    /// An empty queue.
    pub queue_empty: &'static str,
    /// Loading.
    pub loading: &'static str,
    /// Try again.
    pub retry: &'static str,
    /// Older items.
    pub show_older: &'static str,
    /// Before the parent of a reply.
    pub reply_to: &'static str,
    /// Before the reader id.
    pub reader: &'static str,
    /// No reader key.
    pub no_reader: &'static str,
    /// Before the network.
    pub network: &'static str,
    /// Before why it is held.
    pub held: &'static str,
    /// Before the reports.
    pub reports: &'static str,
    /// Before the author's approved comments count.
    pub author_approved: &'static str,
    /// A shadow-banned comment.
    pub shadow: &'static str,
    /// A featured comment.
    pub featured: &'static str,
    /// Before the comment's status.
    pub status: &'static str,
    /// Approve.
    pub approve: &'static str,
    /// Reject.
    pub reject: &'static str,
    /// Remove.
    pub remove: &'static str,
    /// Feature.
    pub feature: &'static str,
    /// Unfeature.
    pub unfeature: &'static str,
    /// Ban.
    pub ban: &'static str,
    /// The article's settings, from an item.
    pub article_settings: &'static str,
    /// The comment in its article.
    pub open_in_article: &'static str,
    /// An action is running.
    pub working: &'static str,
    /// Before an action's failure.
    pub failed: &'static str,
    /// The rejection form's heading.
    pub reject_title: &'static str,
    /// Its reason field.
    pub reason: &'static str,
    /// No reason chosen yet.
    pub choose_reason: &'static str,
    /// A reason must be chosen.
    pub reason_needed: &'static str,
    /// The note for the author.
    pub note_for_author: &'static str,
    /// "of", between a count and its most.
    pub of: &'static str,
    /// Cancel a form.
    pub cancel: &'static str,
    /// The ban form's heading.
    pub ban_title: &'static str,
    /// Its scope field.
    pub ban_whom: &'static str,
    /// Ban the reader key.
    pub scope_reader: &'static str,
    /// Ban the network.
    pub scope_network: &'static str,
    /// Its openness field.
    pub ban_how: &'static str,
    /// An open ban.
    pub ban_open: &'static str,
    /// A shadow ban.
    pub ban_shadow: &'static str,
    /// Its length field.
    pub ban_length: &'static str,
    /// 1 hour.
    pub length_hour: &'static str,
    /// 24 hours.
    pub length_day: &'static str,
    /// 7 days.
    pub length_week: &'static str,
    /// 30 days.
    pub length_month: &'static str,
    /// For good.
    pub length_forever: &'static str,
    /// The note for moderators.
    pub note_for_moderators: &'static str,
    /// The log's columns: who.
    pub log_who: &'static str,
    /// What.
    pub log_what: &'static str,
    /// Detail.
    pub log_detail: &'static str,
    /// When.
    pub log_when: &'static str,
    /// Which comment.
    pub log_comment: &'static str,
    /// An empty log.
    pub log_empty: &'static str,
    /// Logged: approve.
    pub did_approve: &'static str,
    /// Logged: reject.
    pub did_reject: &'static str,
    /// Logged: remove.
    pub did_remove: &'static str,
    /// Logged: feature.
    pub did_feature: &'static str,
    /// Logged: unfeature.
    pub did_unfeature: &'static str,
    /// Logged: ban.
    pub did_ban: &'static str,
    /// Logged: unban.
    pub did_unban: &'static str,
    /// Logged: word added.
    pub did_word_add: &'static str,
    /// Logged: word removed.
    pub did_word_remove: &'static str,
    /// Logged: article settings.
    pub did_article_settings: &'static str,
    /// The word field.
    pub word: &'static str,
    /// How words match.
    pub words_hint: &'static str,
    /// The list field.
    pub word_list: &'static str,
    /// No list chosen yet.
    pub choose_list: &'static str,
    /// The banned list.
    pub words_banned: &'static str,
    /// What a banned word does.
    pub words_banned_hint: &'static str,
    /// The suspect list.
    pub words_suspect: &'static str,
    /// What a suspect word does.
    pub words_suspect_hint: &'static str,
    /// Add a word.
    pub add: &'static str,
    /// Take a word off.
    pub take_off: &'static str,
    /// An empty list.
    pub list_empty: &'static str,
    /// A ban's target.
    pub ban_target: &'static str,
    /// A reader ban.
    pub banned_reader: &'static str,
    /// A network ban.
    pub banned_network: &'static str,
    /// Until.
    pub until: &'static str,
    /// For good.
    pub forever: &'static str,
    /// Who banned.
    pub banned_by: &'static str,
    /// Lift a ban.
    pub lift: &'static str,
    /// No bans.
    pub bans_empty: &'static str,
    /// The article's address field.
    pub article_slug: &'static str,
    /// Show an article's settings.
    pub open: &'static str,
    /// The mode field.
    pub article_mode: &'static str,
    /// As the site.
    pub as_site: &'static str,
    /// Post-moderation, short.
    pub mode_post: &'static str,
    /// Pre-moderation, short.
    pub mode_pre: &'static str,
    /// New commenters, short.
    pub mode_new: &'static str,
    /// Links, short.
    pub mode_links: &'static str,
    /// A mode this desk does not know.
    pub mode_unknown: &'static str,
    /// The closing field.
    pub article_closing: &'static str,
    /// Open.
    pub closing_open: &'static str,
    /// Closed.
    pub closing_closed: &'static str,
    /// Save.
    pub save: &'static str,
    /// Saved.
    pub saved: &'static str,
    /// What readers get now.
    pub readers_now: &'static str,
    /// Choose an article.
    pub article_pick: &'static str,
    /// The help's heading.
    pub help_title: &'static str,
    /// Close.
    pub close: &'static str,
    /// Next item.
    pub key_next: &'static str,
    /// Previous item.
    pub key_previous: &'static str,
    /// Choose a queue.
    pub key_queue: &'static str,
    /// Show the log.
    pub key_log: &'static str,
    /// This help.
    pub key_help: &'static str,
    /// Close a form.
    pub key_escape: &'static str,
    /// The help's opener.
    pub shortcuts: &'static str,
    /// A new comment waits (then the author).
    pub arrived_pending: &'static str,
    /// A comment was reported (then the author).
    pub arrived_reported: &'static str,
    /// Published.
    pub status_published: &'static str,
    /// Pending.
    pub status_pending: &'static str,
    /// Rejected.
    pub status_rejected: &'static str,
    /// Removed.
    pub status_removed: &'static str,
    /// A status this desk does not know.
    pub status_unknown: &'static str,
    /// Held: pre-moderation.
    pub held_pre: &'static str,
    /// Held: new commenter.
    pub held_new: &'static str,
    /// Held: a link.
    pub held_links: &'static str,
    /// Held: a suspect word (then the word).
    pub held_word: &'static str,
    /// Held: reports.
    pub held_reports: &'static str,
    /// Held: repeated text.
    pub held_repeated: &'static str,
    /// Held for a reason this desk does not know.
    pub held_unknown: &'static str,
    /// Spam.
    pub reason_spam: &'static str,
    /// Insult.
    pub reason_insult: &'static str,
    /// Off topic.
    pub reason_off_topic: &'static str,
    /// Illegal.
    pub reason_illegal: &'static str,
    /// Other.
    pub reason_other: &'static str,
    /// A reason this desk does not know.
    pub reason_unknown: &'static str,
    /// No answer.
    pub error_network: &'static str,
    /// Not found.
    pub error_not_found: &'static str,
    /// Too many requests.
    pub error_rate_limited: &'static str,
    /// An error status (then the status).
    pub error_server: &'static str,
    /// A strange answer.
    pub error_malformed: &'static str,
    /// Refused input.
    pub error_invalid: &'static str,
}

impl DeskStrings {
    /// The desk's strings in `lang`.
    pub fn of(lang: Lang) -> &'static DeskStrings {
        match lang {
            Lang::Ru => &RU,
            Lang::Uk => &UK,
            Lang::En => &EN,
        }
    }

    /// A queue's name.
    pub fn queue(&self, queue: Queue) -> &'static str {
        match queue {
            Queue::Pending => self.queue_pending,
            Queue::Reported => self.queue_reported,
            Queue::Recent => self.queue_recent,
            Queue::Rejected => self.queue_rejected,
            Queue::Unknown => self.status_unknown,
        }
    }

    /// Why a comment waits, with what it is about.
    pub fn held(&self, held: HeldFor, detail: Option<&str>) -> String {
        let words = match held {
            HeldFor::PreModeration => self.held_pre,
            HeldFor::NewCommenter => self.held_new,
            HeldFor::Links => self.held_links,
            HeldFor::SuspectWord => self.held_word,
            HeldFor::Reports => self.held_reports,
            HeldFor::Repeated => self.held_repeated,
            HeldFor::Unknown => self.held_unknown,
        };
        match detail.map(str::trim).filter(|d| !d.is_empty()) {
            Some(detail) => format!("{words} «{detail}»"),
            None => words.to_owned(),
        }
    }

    /// A reason's name.
    pub fn reason(&self, reason: Reason) -> &'static str {
        match reason {
            Reason::Spam => self.reason_spam,
            Reason::Insult => self.reason_insult,
            Reason::OffTopic => self.reason_off_topic,
            Reason::Illegal => self.reason_illegal,
            Reason::Other => self.reason_other,
            Reason::Unknown => self.reason_unknown,
        }
    }

    /// A status in words.
    pub fn status(&self, status: CommentStatus) -> &'static str {
        match status {
            CommentStatus::Published => self.status_published,
            CommentStatus::Pending => self.status_pending,
            CommentStatus::Rejected => self.status_rejected,
            CommentStatus::Removed => self.status_removed,
            CommentStatus::Unknown => self.status_unknown,
        }
    }

    /// A mode, short.
    pub fn mode(&self, mode: ModerationMode) -> &'static str {
        match mode {
            ModerationMode::Post => self.mode_post,
            ModerationMode::Pre => self.mode_pre,
            ModerationMode::New => self.mode_new,
            ModerationMode::Links => self.mode_links,
            ModerationMode::Unknown => self.mode_unknown,
        }
    }

    /// The site's mode as a sentence; `trusted_after` for the new-commenter mode.
    pub fn rule(&self, mode: ModerationMode, trusted_after: u32) -> String {
        match mode {
            ModerationMode::Post => self.rule_post.to_owned(),
            ModerationMode::Pre => self.rule_pre.to_owned(),
            ModerationMode::New => format!("{} {trusted_after}", self.rule_new),
            ModerationMode::Links => self.rule_links.to_owned(),
            ModerationMode::Unknown => self.mode_unknown.to_owned(),
        }
    }

    /// A ban's length.
    pub fn length(&self, length: BanLength) -> &'static str {
        match length {
            BanLength::Hour => self.length_hour,
            BanLength::Day => self.length_day,
            BanLength::Week => self.length_week,
            BanLength::Month => self.length_month,
            BanLength::Forever => self.length_forever,
        }
    }

    /// A ban's scope, as a list shows it.
    pub fn scope(&self, scope: BanScope) -> &'static str {
        match scope {
            BanScope::Reader => self.banned_reader,
            BanScope::Network => self.banned_network,
            BanScope::Unknown => self.status_unknown,
        }
    }

    /// A word list's name.
    pub fn word_kind(&self, kind: WordKind) -> &'static str {
        match kind {
            WordKind::Banned => self.words_banned,
            WordKind::Suspect => self.words_suspect,
            WordKind::Unknown => self.status_unknown,
        }
    }

    /// A button's label for an action.
    pub fn action(&self, kind: ActionKind) -> &'static str {
        match kind {
            ActionKind::Approve => self.approve,
            ActionKind::Reject => self.reject,
            ActionKind::Remove => self.remove,
            ActionKind::Feature => self.feature,
            ActionKind::Unfeature => self.unfeature,
            ActionKind::Ban => self.ban,
        }
    }

    /// A logged action in words; the server's word for one this desk does not know.
    pub fn logged(&self, action: &str) -> String {
        match action {
            "approve" => self.did_approve,
            "reject" => self.did_reject,
            "remove" => self.did_remove,
            "feature" => self.did_feature,
            "unfeature" => self.did_unfeature,
            "ban" => self.did_ban,
            "unban" => self.did_unban,
            "word_add" => self.did_word_add,
            "word_remove" => self.did_word_remove,
            "article_settings" => self.did_article_settings,
            other => return other.to_owned(),
        }
        .to_owned()
    }

    /// What a logged action's detail says: a rejection's reason in words
    /// (its note as written); other details as the server wrote them.
    pub fn logged_detail(&self, action: &str, detail: &str) -> String {
        if action != "reject" {
            return detail.to_owned();
        }
        let (word, note) = detail.split_once(": ").unwrap_or((detail, ""));
        match (Reason::parse(word.trim()), note.is_empty()) {
            (Some(reason), true) => self.reason(reason).to_owned(),
            (Some(reason), false) => format!("{}: {note}", self.reason(reason)),
            (None, _) => detail.to_owned(),
        }
    }

    /// The connection's state.
    pub fn connection(&self, connection: Connection) -> &'static str {
        match connection {
            Connection::Connecting => self.connecting,
            Connection::Live => self.live,
            Connection::Reconnecting => self.reconnecting,
        }
    }

    /// What a shortcut does, for the help.
    pub fn shortcut(&self, shortcut: Shortcut) -> &'static str {
        match shortcut {
            Shortcut::Next => self.key_next,
            Shortcut::Previous => self.key_previous,
            Shortcut::Approve => self.approve,
            Shortcut::Reject => self.reject,
            Shortcut::Remove => self.remove,
            Shortcut::Feature => self.feature,
            Shortcut::Ban => self.ban,
            Shortcut::Queue(_) => self.key_queue,
            Shortcut::Log => self.key_log,
            Shortcut::Help => self.key_help,
            Shortcut::Escape => self.key_escape,
        }
    }
}

static RU: DeskStrings = DeskStrings {
    title: "Модерация",
    login_title: "Вход для модераторов",
    login_intro: "Токен выдаёт администратор сервера командой vestnik-server moderator add ИМЯ.",
    token_label: "Токен модератора",
    remember: "Запомнить на этом устройстве",
    login: "Войти",
    checking: "Проверяем токен…",
    login_empty: "Введите токен.",
    login_wrong: "Сервер не принял этот токен.",
    login_ended: "Сеанс завершён: токен отозван или больше не действует. Войдите снова.",
    login_unreachable: "Не удалось связаться с сервером.",
    logout: "Выйти",
    moderator: "Модератор",
    site_rules: "Правила сайта",
    live: "Онлайн",
    connecting: "Подключение…",
    reconnecting: "Связь потеряна, переподключаемся…",
    rule_post: "комментарии появляются сразу, модераторы проверяют после",
    rule_pre: "каждый комментарий ждёт проверки",
    rule_new: "комментарии новых авторов ждут проверки; доверие после одобренных:",
    rule_links: "комментарии со ссылками ждут проверки",
    rule_reports: "жалоб до возврата на проверку:",
    rule_close_after: "обсуждения закрываются через",
    days: "дн.",
    rule_never_close: "обсуждения не закрываются сами",
    rule_max_links: "ссылок в комментарии не больше",
    rule_proof_on: "проверка вычислением включена",
    rule_proof_off: "проверка вычислением выключена",
    sections: "Разделы",
    queue_pending: "На проверке",
    queue_reported: "Жалобы",
    queue_recent: "Все новые",
    queue_rejected: "Отклонённые",
    tab_log: "Журнал",
    tab_words: "Слова",
    tab_bans: "Баны",
    tab_article: "Статья",
    queue_empty: "Очередь пуста.",
    loading: "Загрузка…",
    retry: "Повторить",
    show_older: "Показать ещё",
    reply_to: "Ответ на",
    reader: "Читатель",
    no_reader: "без ключа читателя",
    network: "Сеть",
    held: "Почему на проверке:",
    reports: "Жалобы:",
    author_approved: "Одобрено у автора:",
    shadow: "теневой бан",
    featured: "Выбор редакции",
    status: "Статус:",
    approve: "Одобрить",
    reject: "Отклонить",
    remove: "Удалить",
    feature: "В выбор редакции",
    unfeature: "Убрать из выбора",
    ban: "Забанить",
    article_settings: "Настройки статьи",
    open_in_article: "Открыть в статье",
    working: "Выполняется…",
    failed: "Не удалось:",
    reject_title: "Отклонить комментарий",
    reason: "Причина",
    choose_reason: "— выберите причину —",
    reason_needed: "Выберите причину.",
    note_for_author: "Примечание для автора (необязательно)",
    of: "из",
    cancel: "Отмена",
    ban_title: "Забанить автора",
    ban_whom: "Кого",
    scope_reader: "этот браузер (ключ читателя)",
    scope_network: "эту сеть (IP-префикс)",
    ban_how: "Как",
    ban_open: "открыто: новые комментарии не принимаются",
    ban_shadow: "тенью: автор видит свои комментарии, другие нет",
    ban_length: "Срок",
    length_hour: "1 час",
    length_day: "24 часа",
    length_week: "7 дней",
    length_month: "30 дней",
    length_forever: "навсегда",
    note_for_moderators: "Примечание для модераторов (необязательно)",
    log_who: "Кто",
    log_what: "Что",
    log_detail: "Подробности",
    log_when: "Когда",
    log_comment: "Комментарий",
    log_empty: "Журнал пуст.",
    did_approve: "одобрил(а)",
    did_reject: "отклонил(а)",
    did_remove: "удалил(а)",
    did_feature: "выбрал(а) для редакции",
    did_unfeature: "убрал(а) из выбора редакции",
    did_ban: "забанил(а)",
    did_unban: "снял(а) бан",
    did_word_add: "добавил(а) слово",
    did_word_remove: "убрал(а) слово",
    did_article_settings: "изменил(а) настройки статьи",
    word: "Слово (или начало слова со *)",
    words_hint: "Слово совпадает в любом регистре, с «ё» как «е», с похожими латинскими буквами и с русскими и украинскими окончаниями.",
    word_list: "Список",
    choose_list: "— выберите список —",
    words_banned: "Запрещённые",
    words_banned_hint: "комментарий с таким словом не принимается",
    words_suspect: "Подозрительные",
    words_suspect_hint: "комментарий с таким словом ждёт проверки",
    add: "Добавить",
    take_off: "Убрать",
    list_empty: "Список пуст.",
    ban_target: "Кто",
    banned_reader: "читатель",
    banned_network: "сеть",
    until: "до",
    forever: "навсегда",
    banned_by: "забанил(а)",
    lift: "Снять бан",
    bans_empty: "Банов нет.",
    article_slug: "Адрес статьи (slug)",
    open: "Открыть",
    article_mode: "Модерация",
    as_site: "как на сайте",
    mode_post: "постмодерация",
    mode_pre: "премодерация",
    mode_new: "новые авторы на проверке",
    mode_links: "ссылки на проверке",
    mode_unknown: "неизвестный режим",
    article_closing: "Обсуждение",
    closing_open: "открыто",
    closing_closed: "закрыто",
    save: "Сохранить",
    saved: "Сохранено.",
    readers_now: "Сейчас у читателей:",
    article_pick: "Введите адрес статьи или откройте её настройки из комментария.",
    help_title: "Горячие клавиши",
    close: "Закрыть",
    key_next: "следующий комментарий",
    key_previous: "предыдущий комментарий",
    key_queue: "очереди по порядку",
    key_log: "журнал",
    key_help: "эта подсказка",
    key_escape: "закрыть форму или подсказку",
    shortcuts: "Клавиши",
    arrived_pending: "Новый комментарий на проверке, автор:",
    arrived_reported: "Жалоба на комментарий, автор:",
    status_published: "опубликован",
    status_pending: "на проверке",
    status_rejected: "отклонён",
    status_removed: "удалён",
    status_unknown: "неизвестно",
    held_pre: "премодерация",
    held_new: "новый комментатор",
    held_links: "есть ссылка",
    held_word: "подозрительное слово",
    held_reports: "жалобы читателей",
    held_repeated: "тот же текст от других читателей",
    held_unknown: "причина неизвестна",
    reason_spam: "спам",
    reason_insult: "оскорбление",
    reason_off_topic: "не по теме",
    reason_illegal: "противоречит закону",
    reason_other: "другое",
    reason_unknown: "неизвестная причина",
    error_network: "Нет связи с сервером.",
    error_not_found: "Не найдено (возможно, уже удалено).",
    error_rate_limited: "Слишком много запросов, подождите немного.",
    error_server: "Ошибка сервера",
    error_malformed: "Сервер ответил непонятно.",
    error_invalid: "Сервер не принял данные.",
};

static UK: DeskStrings = DeskStrings {
    title: "Модерація",
    login_title: "Вхід для модераторів",
    login_intro: "Токен видає адміністратор сервера командою vestnik-server moderator add ІМ'Я.",
    token_label: "Токен модератора",
    remember: "Запам'ятати на цьому пристрої",
    login: "Увійти",
    checking: "Перевіряємо токен…",
    login_empty: "Введіть токен.",
    login_wrong: "Сервер не прийняв цей токен.",
    login_ended: "Сеанс завершено: токен відкликано або він більше не діє. Увійдіть знову.",
    login_unreachable: "Не вдалося зв'язатися з сервером.",
    logout: "Вийти",
    moderator: "Модератор",
    site_rules: "Правила сайту",
    live: "Онлайн",
    connecting: "Підключення…",
    reconnecting: "Зв'язок втрачено, перепідключаємося…",
    rule_post: "коментарі з'являються одразу, модератори перевіряють після",
    rule_pre: "кожен коментар чекає перевірки",
    rule_new: "коментарі нових авторів чекають перевірки; довіра після схвалених:",
    rule_links: "коментарі з посиланнями чекають перевірки",
    rule_reports: "скарг до повернення на перевірку:",
    rule_close_after: "обговорення закриваються через",
    days: "дн.",
    rule_never_close: "обговорення не закриваються самі",
    rule_max_links: "посилань у коментарі не більше",
    rule_proof_on: "перевірку обчисленням увімкнено",
    rule_proof_off: "перевірку обчисленням вимкнено",
    sections: "Розділи",
    queue_pending: "На перевірці",
    queue_reported: "Скарги",
    queue_recent: "Усі нові",
    queue_rejected: "Відхилені",
    tab_log: "Журнал",
    tab_words: "Слова",
    tab_bans: "Бани",
    tab_article: "Стаття",
    queue_empty: "Черга порожня.",
    loading: "Завантаження…",
    retry: "Повторити",
    show_older: "Показати ще",
    reply_to: "Відповідь на",
    reader: "Читач",
    no_reader: "без ключа читача",
    network: "Мережа",
    held: "Чому на перевірці:",
    reports: "Скарги:",
    author_approved: "Схвалено в автора:",
    shadow: "тіньовий бан",
    featured: "Вибір редакції",
    status: "Статус:",
    approve: "Схвалити",
    reject: "Відхилити",
    remove: "Видалити",
    feature: "У вибір редакції",
    unfeature: "Прибрати з вибору",
    ban: "Забанити",
    article_settings: "Налаштування статті",
    open_in_article: "Відкрити в статті",
    working: "Виконується…",
    failed: "Не вдалося:",
    reject_title: "Відхилити коментар",
    reason: "Причина",
    choose_reason: "— оберіть причину —",
    reason_needed: "Оберіть причину.",
    note_for_author: "Примітка для автора (необов'язково)",
    of: "з",
    cancel: "Скасувати",
    ban_title: "Забанити автора",
    ban_whom: "Кого",
    scope_reader: "цей браузер (ключ читача)",
    scope_network: "цю мережу (IP-префікс)",
    ban_how: "Як",
    ban_open: "відкрито: нові коментарі не приймаються",
    ban_shadow: "тінню: автор бачить свої коментарі, інші ні",
    ban_length: "Строк",
    length_hour: "1 година",
    length_day: "24 години",
    length_week: "7 днів",
    length_month: "30 днів",
    length_forever: "назавжди",
    note_for_moderators: "Примітка для модераторів (необов'язково)",
    log_who: "Хто",
    log_what: "Що",
    log_detail: "Подробиці",
    log_when: "Коли",
    log_comment: "Коментар",
    log_empty: "Журнал порожній.",
    did_approve: "схвалив(ла)",
    did_reject: "відхилив(ла)",
    did_remove: "видалив(ла)",
    did_feature: "обрав(ла) для редакції",
    did_unfeature: "прибрав(ла) з вибору редакції",
    did_ban: "забанив(ла)",
    did_unban: "зняв(ла) бан",
    did_word_add: "додав(ла) слово",
    did_word_remove: "прибрав(ла) слово",
    did_article_settings: "змінив(ла) налаштування статті",
    word: "Слово (або початок слова з *)",
    words_hint: "Слово збігається в будь-якому регістрі, зі схожими латинськими літерами та з російськими й українськими закінченнями.",
    word_list: "Список",
    choose_list: "— оберіть список —",
    words_banned: "Заборонені",
    words_banned_hint: "коментар із таким словом не приймається",
    words_suspect: "Підозрілі",
    words_suspect_hint: "коментар із таким словом чекає перевірки",
    add: "Додати",
    take_off: "Прибрати",
    list_empty: "Список порожній.",
    ban_target: "Хто",
    banned_reader: "читач",
    banned_network: "мережа",
    until: "до",
    forever: "назавжди",
    banned_by: "забанив(ла)",
    lift: "Зняти бан",
    bans_empty: "Банів немає.",
    article_slug: "Адреса статті (slug)",
    open: "Відкрити",
    article_mode: "Модерація",
    as_site: "як на сайті",
    mode_post: "постмодерація",
    mode_pre: "премодерація",
    mode_new: "нові автори на перевірці",
    mode_links: "посилання на перевірці",
    mode_unknown: "невідомий режим",
    article_closing: "Обговорення",
    closing_open: "відкрите",
    closing_closed: "закрите",
    save: "Зберегти",
    saved: "Збережено.",
    readers_now: "Зараз у читачів:",
    article_pick: "Введіть адресу статті або відкрийте її налаштування з коментаря.",
    help_title: "Гарячі клавіші",
    close: "Закрити",
    key_next: "наступний коментар",
    key_previous: "попередній коментар",
    key_queue: "черги по порядку",
    key_log: "журнал",
    key_help: "ця підказка",
    key_escape: "закрити форму чи підказку",
    shortcuts: "Клавіші",
    arrived_pending: "Новий коментар на перевірці, автор:",
    arrived_reported: "Скарга на коментар, автор:",
    status_published: "опубліковано",
    status_pending: "на перевірці",
    status_rejected: "відхилено",
    status_removed: "видалено",
    status_unknown: "невідомо",
    held_pre: "премодерація",
    held_new: "новий коментатор",
    held_links: "є посилання",
    held_word: "підозріле слово",
    held_reports: "скарги читачів",
    held_repeated: "той самий текст від інших читачів",
    held_unknown: "причина невідома",
    reason_spam: "спам",
    reason_insult: "образа",
    reason_off_topic: "не по темі",
    reason_illegal: "суперечить закону",
    reason_other: "інше",
    reason_unknown: "невідома причина",
    error_network: "Немає зв'язку з сервером.",
    error_not_found: "Не знайдено (можливо, вже видалено).",
    error_rate_limited: "Забагато запитів, зачекайте трохи.",
    error_server: "Помилка сервера",
    error_malformed: "Сервер відповів незрозуміло.",
    error_invalid: "Сервер не прийняв дані.",
};

static EN: DeskStrings = DeskStrings {
    title: "Moderation",
    login_title: "Moderator sign-in",
    login_intro: "The server's administrator issues tokens with vestnik-server moderator add NAME.",
    token_label: "Moderator token",
    remember: "Remember on this device",
    login: "Sign in",
    checking: "Checking the token…",
    login_empty: "Enter a token.",
    login_wrong: "The server did not accept this token.",
    login_ended: "Your session ended: the token was revoked or is no longer valid. Sign in again.",
    login_unreachable: "Could not reach the server.",
    logout: "Sign out",
    moderator: "Moderator",
    site_rules: "Site rules",
    live: "Live",
    connecting: "Connecting…",
    reconnecting: "Connection lost, reconnecting…",
    rule_post: "comments appear at once, moderators review afterwards",
    rule_pre: "every comment waits for review",
    rule_new: "new commenters wait for review; trusted after approved comments:",
    rule_links: "comments with links wait for review",
    rule_reports: "reports that send a comment back to review:",
    rule_close_after: "discussions close after",
    days: "days",
    rule_never_close: "discussions do not close by themselves",
    rule_max_links: "links per comment at most",
    rule_proof_on: "proof of work on",
    rule_proof_off: "proof of work off",
    sections: "Sections",
    queue_pending: "Pending",
    queue_reported: "Reported",
    queue_recent: "Recent",
    queue_rejected: "Rejected",
    tab_log: "Log",
    tab_words: "Words",
    tab_bans: "Bans",
    tab_article: "Article",
    queue_empty: "Nothing here.",
    loading: "Loading…",
    retry: "Try again",
    show_older: "Show more",
    reply_to: "Reply to",
    reader: "Reader",
    no_reader: "no reader key",
    network: "Network",
    held: "Why it waits:",
    reports: "Reports:",
    author_approved: "Author's approved comments:",
    shadow: "shadow ban",
    featured: "Editors' pick",
    status: "Status:",
    approve: "Approve",
    reject: "Reject",
    remove: "Remove",
    feature: "Feature",
    unfeature: "Unfeature",
    ban: "Ban",
    article_settings: "Article settings",
    open_in_article: "Open in the article",
    working: "Working…",
    failed: "Failed:",
    reject_title: "Reject the comment",
    reason: "Reason",
    choose_reason: "— choose a reason —",
    reason_needed: "Choose a reason.",
    note_for_author: "Note for the author (optional)",
    of: "of",
    cancel: "Cancel",
    ban_title: "Ban the author",
    ban_whom: "Whom",
    scope_reader: "this browser (reader key)",
    scope_network: "this network (IP prefix)",
    ban_how: "How",
    ban_open: "openly: new comments are refused",
    ban_shadow: "shadow: the author sees their comments, nobody else does",
    ban_length: "For",
    length_hour: "1 hour",
    length_day: "24 hours",
    length_week: "7 days",
    length_month: "30 days",
    length_forever: "for good",
    note_for_moderators: "Note for moderators (optional)",
    log_who: "Who",
    log_what: "What",
    log_detail: "Detail",
    log_when: "When",
    log_comment: "Comment",
    log_empty: "The log is empty.",
    did_approve: "approved",
    did_reject: "rejected",
    did_remove: "removed",
    did_feature: "featured",
    did_unfeature: "unfeatured",
    did_ban: "banned",
    did_unban: "lifted a ban",
    did_word_add: "added a word",
    did_word_remove: "removed a word",
    did_article_settings: "changed an article's settings",
    word: "Word (or the start of one, with *)",
    words_hint: "A word matches in any case, with look-alike Latin letters and with Russian and Ukrainian endings.",
    word_list: "List",
    choose_list: "— choose a list —",
    words_banned: "Banned",
    words_banned_hint: "a comment with the word is refused",
    words_suspect: "Suspect",
    words_suspect_hint: "a comment with the word waits for review",
    add: "Add",
    take_off: "Remove",
    list_empty: "The list is empty.",
    ban_target: "Who",
    banned_reader: "reader",
    banned_network: "network",
    until: "until",
    forever: "for good",
    banned_by: "banned by",
    lift: "Lift the ban",
    bans_empty: "No bans.",
    article_slug: "Article address (slug)",
    open: "Open",
    article_mode: "Moderation",
    as_site: "as the site",
    mode_post: "post-moderation",
    mode_pre: "pre-moderation",
    mode_new: "new commenters wait",
    mode_links: "links wait",
    mode_unknown: "unknown mode",
    article_closing: "Discussion",
    closing_open: "open",
    closing_closed: "closed",
    save: "Save",
    saved: "Saved.",
    readers_now: "Readers now get:",
    article_pick: "Enter an article's address, or open its settings from a comment.",
    help_title: "Keyboard shortcuts",
    close: "Close",
    key_next: "next comment",
    key_previous: "previous comment",
    key_queue: "the queues in order",
    key_log: "the log",
    key_help: "this help",
    key_escape: "close a form or the help",
    shortcuts: "Shortcuts",
    arrived_pending: "New comment waiting, by",
    arrived_reported: "Comment reported, by",
    status_published: "published",
    status_pending: "pending",
    status_rejected: "rejected",
    status_removed: "removed",
    status_unknown: "unknown",
    held_pre: "pre-moderation",
    held_new: "new commenter",
    held_links: "has a link",
    held_word: "suspect word",
    held_reports: "readers' reports",
    held_repeated: "same text as other readers'",
    held_unknown: "unknown reason",
    reason_spam: "spam",
    reason_insult: "insult",
    reason_off_topic: "off topic",
    reason_illegal: "illegal",
    reason_other: "other",
    reason_unknown: "unknown reason",
    error_network: "No connection to the server.",
    error_not_found: "Not found (perhaps already gone).",
    error_rate_limited: "Too many requests, wait a little.",
    error_server: "Server error",
    error_malformed: "The server's answer made no sense.",
    error_invalid: "The server refused the input.",
};

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_new_commenter_reason_reads_as_the_e2e_test_expects() {
        assert_eq!(
            DeskStrings::of(Lang::Ru).held(HeldFor::NewCommenter, None),
            "новый комментатор"
        );
        assert_eq!(
            DeskStrings::of(Lang::En).held(HeldFor::SuspectWord, Some(" casino ")),
            "suspect word «casino»"
        );
    }

    #[test]
    fn a_logged_rejection_names_its_reason_in_words() {
        let ru = DeskStrings::of(Lang::Ru);
        assert_eq!(
            ru.logged_detail("reject", "spam: купите: сейчас"),
            "спам: купите: сейчас"
        );
        assert_eq!(ru.logged_detail("reject", "off_topic"), "не по теме");
        assert_eq!(
            ru.logged_detail("ban", "reader 1a2b3c4d for 24 h"),
            "reader 1a2b3c4d for 24 h"
        );
        assert_eq!(ru.logged("approve"), "одобрил(а)");
        assert_eq!(ru.logged("teleport"), "teleport");
    }

    #[test]
    fn every_language_has_every_word() {
        for lang in [Lang::Ru, Lang::Uk, Lang::En] {
            let s = DeskStrings::of(lang);
            // A debug print lists every field: none may be empty.
            let printed = format!("{s:?}");
            assert!(!printed.contains(": \"\""), "{lang:?} has an empty string");
            for queue in Queue::ALL {
                assert!(!s.queue(queue).is_empty());
            }
            for held in HeldFor::ALL {
                assert!(!s.held(held, None).is_empty());
            }
        }
    }
}
