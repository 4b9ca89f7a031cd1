//! Deterministic regional-news items built from templates.
//!
//! Variety comes from the item's index, not from a random generator, so every
//! database seeded on the same instant holds the same demo, byte for byte.

use crate::error::ServerError;
use crate::store::NewArticle;
use jiff::{SignedDuration, Timestamp};
use vestnik_api::{Block, Inline, Source, Tag};

/// Locative case, used as "в … районе".
const DISTRICTS: [&str; 9] = [
    "Шевченковском",
    "Киевском",
    "Салтовском",
    "Немышлянском",
    "Индустриальном",
    "Слободском",
    "Основянском",
    "Холодногорском",
    "Новобаварском",
];
const STREETS: [&str; 10] = [
    "на улице Сумской",
    "на проспекте Науки",
    "на улице Пушкинской",
    "на улице Академика Павлова",
    "на Салтовском шоссе",
    "на проспекте Гагарина",
    "на улице Клочковской",
    "на улице Героев Труда",
    "на Полтавском Шляхе",
    "на улице Ахсарова",
];
const DAYS: [&str; 7] = [
    "в понедельник",
    "во вторник",
    "в среду",
    "в четверг",
    "в пятницу",
    "в субботу",
    "в воскресенье",
];
const PARKS: [&str; 5] = [
    "в парке Горького",
    "в саду Шевченко",
    "в Лесопарке",
    "в Саржином Яру",
    "в Молодёжном парке",
];
const MUSEUMS: [&str; 4] = [
    "Харьковском художественном музее",
    "Харьковском историческом музее",
    "Литературном музее",
    "Муниципальной галерее",
];
const EXHIBITS: [&str; 6] = [
    "графики харьковских художников",
    "фотографий старого Харькова",
    "современного украинского плаката",
    "детских рисунков",
    "керамики и гобеленов",
    "архивных документов о Слобожанщине",
];
const CONCERTS: [&str; 5] = [
    "вечер органной музыки",
    "концерт камерного оркестра",
    "вечер романсов",
    "концерт молодых солистов",
    "джазовый вечер",
];
const THEATRES: [&str; 4] = [
    "Театр имени Шевченко",
    "Харьковский театр кукол",
    "Театр для детей и юношества",
    "Театр музыкальной комедии",
];
const ATHLETES: [&str; 8] = [
    "борцы",
    "пловцы",
    "легкоатлеты",
    "гимнасты",
    "боксёры",
    "фехтовальщики",
    "гребцы",
    "дзюдоисты",
];
/// Dative case, used as "по …".
const TEAM_SPORTS: [&str; 5] = [
    "баскетболу",
    "волейболу",
    "гандболу",
    "хоккею на траве",
    "мини-футболу",
];
/// Dative case, used as "олимпиада по …".
const SUBJECTS: [&str; 8] = [
    "математике",
    "физике",
    "химии",
    "информатике",
    "биологии",
    "истории Украины",
    "английскому языку",
    "географии",
];
/// Genitive case, used as "курсы …".
const COURSES: [&str; 4] = [
    "английского языка",
    "компьютерной грамотности",
    "программирования для детей",
    "финансовой грамотности",
];
const BLOOD_GROUPS: [&str; 4] = [
    "первой группы",
    "второй группы",
    "третьей группы",
    "четвёртой группы",
];
/// Genitive plural, always after a number ending in 0.
const TREES: [&str; 5] = ["лип", "клёнов", "каштанов", "дубов", "берёз"];
/// Locative case, used as "в …".
const RIVERS: [&str; 4] = ["реке Лопань", "реке Харьков", "реке Уды", "реке Немышля"];
const WARM_SKIES: [&str; 5] = [
    "облачно с прояснениями",
    "ясно",
    "переменная облачность",
    "небольшой дождь",
    "пасмурно",
];
const COLD_SKIES: [&str; 4] = [
    "мокрый снег",
    "небольшой снег",
    "пасмурно",
    "облачно, гололёд",
];

struct Text {
    title: String,
    summary: String,
    more: &'static str,
    tag: (&'static str, &'static str),
}

/// Generated item `index` (1 = newest), 13 days and more before `anchor`.
pub(super) fn article(
    index: u32,
    anchor: Timestamp,
    source: &Source,
) -> Result<NewArticle, ServerError> {
    let i = index as usize;
    let text = match i % 8 {
        0 => weather(i),
        1 => transport(i),
        2 => culture(i),
        3 => sport(i),
        4 => city(i),
        5 => education(i),
        6 => health(i),
        _ => ecology(i),
    };
    // Every ~3 hours, nudged by under an hour so times do not look machine-made;
    // the nudge is smaller than the step, so the order stays strict.
    let age = SignedDuration::from_hours(13 * 24 + 3 * (i as i64 - 1))
        + SignedDuration::from_mins(((i * 37) % 53) as i64);
    let published_at = anchor
        .checked_sub(age)
        .map_err(|e| ServerError::Corrupt(format!("generated item time: {e}")))?;
    let body = format!("{} {}", text.summary, text.more);
    Ok(NewArticle {
        slug: format!("news-{index:04}"),
        title: text.title,
        lead: text.summary,
        body: vec![Block::Paragraph {
            inlines: vec![Inline::plain(body)],
        }],
        source: source.clone(),
        published_at,
        updated_at: None,
        views: 40 + ((i * 7919) % 900) as u64,
        tags: vec![
            Tag {
                slug: text.tag.0.to_owned(),
                name: text.tag.1.to_owned(),
            },
            Tag {
                slug: "kharkiv".to_owned(),
                name: "Харьков".to_owned(),
            },
        ],
        image: None,
    })
}

fn pick<T: Copy, const N: usize>(list: &[T; N], seed: usize) -> T {
    list[seed % N]
}

/// Russian noun form for a count: 1 день, 2 дня, 5 дней, 11 дней, 21 день.
fn plural(n: i64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (1, r) if r != 11 => one,
        (2..=4, r) if !(12..=14).contains(&r) => few,
        _ => many,
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "+5 градусов" in the genitive that follows "до": до +1 градуса, до +4 градусов.
fn degrees(t: i64) -> String {
    let sign = match t {
        0 => "",
        t if t > 0 => "+",
        _ => "−",
    };
    format!(
        "{sign}{} {}",
        t.unsigned_abs(),
        plural(t, "градуса", "градусов", "градусов")
    )
}

fn weather(i: usize) -> Text {
    let t = ((i * 7) % 23) as i64 - 6;
    let sky = if t <= 1 {
        pick(&COLD_SKIES, i / 8)
    } else {
        pick(&WARM_SKIES, i / 8)
    };
    let day = pick(&DAYS, i);
    let wind = 2 + (i % 9) as i64;
    let night = t - 5 - (i % 4) as i64;
    let title = match (i / 8) % 3 {
        0 => format!("Погода в Харькове: {sky}, до {}", degrees(t)),
        1 => format!("Синоптики: {day} в Харькове {sky}"),
        _ => format!("Прогноз погоды: до {} и ветер {wind} м/с", degrees(t)),
    };
    Text {
        title,
        summary: format!(
            "По прогнозу синоптиков, {day} в Харькове {sky}, днём до {}, ночью до {}, ветер {wind} м/с.",
            degrees(t),
            degrees(night)
        ),
        more: "Синоптики советуют следить за обновлениями прогноза.",
        tag: ("weather", "Погода"),
    }
}

fn transport(i: usize) -> Text {
    let street = pick(&STREETS, i / 3);
    let day = pick(&DAYS, i / 2);
    match (i / 8) % 4 {
        0 => {
            let tram = pick(&[3, 5, 6, 8, 12, 16, 20, 26, 27], i);
            Text {
                title: format!("Трамвай № {tram} временно изменит маршрут"),
                summary: format!(
                    "Из-за ремонта путей {street} трамвай № {tram} {day} будет ходить по изменённому маршруту."
                ),
                more: "Схемы объезда опубликованы на сайте городского совета.",
                tag: ("transport", "Транспорт"),
            }
        }
        1 => {
            let trolleybus = pick(&[2, 3, 11, 19, 24, 27, 31, 35, 40], i);
            let minutes = 6 + (i % 7) as i64;
            Text {
                title: format!("Троллейбус № {trolleybus} начнёт ходить чаще"),
                summary: format!(
                    "С понедельника интервал движения троллейбуса № {trolleybus} сократится до {minutes} {}.",
                    plural(minutes, "минуты", "минут", "минут")
                ),
                more: "На маршрут выйдут ещё две машины.",
                tag: ("transport", "Транспорт"),
            }
        }
        2 => {
            let hour = 22 + (i % 2);
            Text {
                title: format!("Метро {day} будет работать дольше"),
                summary: format!(
                    "{} харьковское метро будет работать до {hour}:00, сообщили в коммунальном предприятии.",
                    capitalized(day)
                ),
                more: "Интервал движения поездов вечером составит около десяти минут.",
                tag: ("transport", "Транспорт"),
            }
        }
        _ => Text {
            title: format!("Ремонт дороги {street}: движение ограничат"),
            summary: format!(
                "{} {street} ограничат движение транспорта из-за ремонта дорожного покрытия.",
                capitalized(day)
            ),
            more: "Водителей просят заранее планировать маршрут.",
            tag: ("transport", "Транспорт"),
        },
    }
}

fn culture(i: usize) -> Text {
    let day = pick(&DAYS, i / 3);
    match (i / 8) % 3 {
        0 => {
            let museum = pick(&MUSEUMS, i / 5);
            let exhibit = pick(&EXHIBITS, i / 2);
            Text {
                title: format!("В {museum} откроется выставка {exhibit}"),
                summary: format!(
                    "{} в {museum} откроется выставка {exhibit}, вход свободный.",
                    capitalized(day)
                ),
                more: "Экспозиция будет открыта до конца месяца.",
                tag: ("culture", "Культура"),
            }
        }
        1 => {
            let concert = pick(&CONCERTS, i / 3);
            Text {
                title: format!("Харьковская филармония приглашает на {concert}"),
                summary: format!(
                    "{} в Харьковской филармонии пройдёт {concert}, начало в 17:00.",
                    capitalized(day)
                ),
                more: "Билеты можно купить в кассе филармонии и на её сайте.",
                tag: ("culture", "Культура"),
            }
        }
        _ => {
            let theatre = pick(&THEATRES, i / 5);
            Text {
                title: format!("{theatre} покажет премьеру"),
                summary: format!(
                    "{theatre} {day} покажет премьеру спектакля, билеты уже в продаже."
                ),
                more: "Спектакль пройдёт в помещении с укрытием.",
                tag: ("culture", "Культура"),
            }
        }
    }
}

fn sport(i: usize) -> Text {
    let day = pick(&DAYS, i / 4);
    match (i / 8) % 3 {
        0 => {
            let athletes = pick(&ATHLETES, i / 3);
            let medals = 3 + (i % 15) as i64;
            let gold = 1 + (i % 3) as i64;
            let medals_word = plural(medals, "медаль", "медали", "медалей");
            Text {
                title: format!(
                    "Харьковские {athletes} завоевали {medals} {medals_word} чемпионата Украины"
                ),
                summary: format!(
                    "На чемпионате Украины харьковские {athletes} завоевали {medals} {medals_word}, из них золотых — {gold}."
                ),
                more: "Следующий старт команды — этап Кубка Украины.",
                tag: ("sport", "Спорт"),
            }
        }
        1 => {
            let team_sport = pick(&TEAM_SPORTS, i / 3);
            Text {
                title: format!("Харьковская команда вышла в финал кубка Украины по {team_sport}"),
                summary: format!(
                    "Харьковская команда обыграла соперников в полуфинале кубка Украины по {team_sport} и сыграет в финале {day}."
                ),
                more: "Матч покажут в прямой трансляции.",
                tag: ("sport", "Спорт"),
            }
        }
        _ => {
            let km = pick(&[3, 5, 10], i / 3);
            let park = pick(&PARKS, i / 5);
            Text {
                title: format!("В Харькове пройдёт забег на {km} км"),
                summary: format!(
                    "{} {park} пройдёт любительский забег на {km} км, регистрация участников открыта.",
                    capitalized(day)
                ),
                more: "Участие бесплатное, всем финишёрам вручат медали.",
                tag: ("sport", "Спорт"),
            }
        }
    }
}

fn city(i: usize) -> Text {
    let district = pick(&DISTRICTS, i / 4);
    let street = pick(&STREETS, i / 7);
    let day = capitalized(pick(&DAYS, i / 5));
    match (i / 8) % 4 {
        0 => Text {
            title: format!("В {district} районе временно отключат горячую воду"),
            summary: format!(
                "{day} в {district} районе не будет горячей воды из-за плановых работ на теплосетях."
            ),
            more: "Подачу обещают восстановить к вечеру.",
            tag: ("city", "Город"),
        },
        1 => Text {
            title: format!("Коммунальщики заменят уличное освещение {street}"),
            summary: format!(
                "{day} {street} начнут менять старые фонари на энергосберегающие светильники."
            ),
            more: "Работы проведут в дневное время.",
            tag: ("city", "Город"),
        },
        2 => {
            let yards = 3 + (i % 13) as i64;
            let yards_word = plural(yards, "двор", "двора", "дворов");
            Text {
                title: format!("В {district} районе отремонтируют {yards} {yards_word}"),
                summary: format!(
                    "До конца месяца в {district} районе отремонтируют {yards} {yards_word}: асфальт, скамейки и детские площадки."
                ),
                more: "Список адресов опубликован на сайте районной администрации.",
                tag: ("city", "Город"),
            }
        }
        _ => Text {
            title: format!("Новые остановочные павильоны появятся {street}"),
            summary: format!(
                "{day} {street} начнут устанавливать новые остановочные павильоны с укрытием от непогоды."
            ),
            more: "Старые павильоны демонтируют в ту же ночь.",
            tag: ("city", "Город"),
        },
    }
}

fn education(i: usize) -> Text {
    match (i / 8) % 3 {
        0 => {
            let subject = pick(&SUBJECTS, i / 3);
            let pupils = 2 + (i % 13) as i64;
            Text {
                title: format!("Харьковские школьники — призёры олимпиады по {subject}"),
                summary: format!(
                    "{pupils} {} из Харькова стали призёрами всеукраинской олимпиады по {subject}.",
                    plural(pupils, "школьник", "школьника", "школьников")
                ),
                more: "Лучших участников пригласили на сборы перед международным этапом.",
                tag: ("education", "Образование"),
            }
        }
        1 => {
            let district = pick(&DISTRICTS, i / 3);
            Text {
                title: format!("В {district} районе оборудуют подземный класс"),
                summary: format!(
                    "До начала учебного года в {district} районе оборудуют подземный класс для очных занятий."
                ),
                more: "Учиться в нём будут ученики нескольких школ по очереди.",
                tag: ("education", "Образование"),
            }
        }
        _ => {
            let course = pick(&COURSES, i / 3);
            let day = capitalized(pick(&DAYS, i / 2));
            Text {
                title: format!("Библиотеки Харькова приглашают на бесплатные курсы {course}"),
                summary: format!(
                    "{day} в городских библиотеках начнутся бесплатные курсы {course}, записаться можно по телефону."
                ),
                more: "Занятия проходят в небольших группах.",
                tag: ("education", "Образование"),
            }
        }
    }
}

fn health(i: usize) -> Text {
    let day = pick(&DAYS, i / 6);
    match (i / 8) % 3 {
        0 => {
            let clinic = 1 + (i * 7) % 30;
            let district = pick(&DISTRICTS, i / 2);
            let hour = 19 + (i % 2);
            Text {
                title: format!("Поликлиника № {clinic} переходит на новый график"),
                summary: format!(
                    "С понедельника городская поликлиника № {clinic} в {district} районе будет принимать пациентов до {hour}:00."
                ),
                more: "Записаться к семейному врачу можно через электронную систему здравоохранения.",
                tag: ("health", "Здоровье"),
            }
        }
        1 => {
            let blood = pick(&BLOOD_GROUPS, i / 3);
            Text {
                title: format!("Центр крови просит прийти доноров {blood}"),
                summary: format!(
                    "Городской центр крови просит доноров {blood} прийти {day}: запасы крови этой группы на исходе."
                ),
                more: "Перед сдачей крови нужно выспаться и позавтракать.",
                tag: ("health", "Здоровье"),
            }
        }
        _ => {
            let park = pick(&PARKS, i / 4);
            Text {
                title: "В Харькове пройдут бесплатные медосмотры".to_owned(),
                summary: format!(
                    "{} {park} врачи бесплатно измерят давление и уровень сахара всем желающим.",
                    capitalized(day)
                ),
                more: "Акция продлится с 10:00 до 16:00.",
                tag: ("health", "Здоровье"),
            }
        }
    }
}

fn ecology(i: usize) -> Text {
    let day = pick(&DAYS, i / 3);
    match (i / 8) % 3 {
        0 => {
            let trees = 20 + 10 * ((i * 13) % 10) as i64;
            let kind = pick(&TREES, i / 4);
            let park = pick(&PARKS, i / 2);
            Text {
                title: format!(
                    "{} высадят {trees} {}",
                    capitalized(park),
                    plural(trees, "дерево", "дерева", "деревьев")
                ),
                summary: format!(
                    "{} {park} коммунальщики и волонтёры высадят {trees} молодых {kind}.",
                    capitalized(day)
                ),
                more: "Присоединиться может каждый, инструменты выдадут на месте.",
                tag: ("ecology", "Экология"),
            }
        }
        1 => {
            let river = pick(&RIVERS, i / 3);
            Text {
                title: format!("Экологи проверили воду в {river}"),
                summary: format!(
                    "Пробы воды, взятые {day} в {river}, соответствуют санитарным нормам, сообщили в городской лаборатории."
                ),
                more: "Следующую проверку проведут через месяц.",
                tag: ("ecology", "Экология"),
            }
        }
        _ => Text {
            title: "В Харькове пройдёт сбор батареек и старой техники".to_owned(),
            summary: format!(
                "{} у станций метро будет работать пункт приёма батареек, ламп и старой бытовой техники.",
                capitalized(day)
            ),
            more: "Всё собранное передадут на переработку.",
            tag: ("ecology", "Экология"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        let forms = |n| plural(n, "день", "дня", "дней");
        assert_eq!(
            [1, 2, 5, 11, 12, 21, 22, 25, 111, 0].map(forms),
            [
                "день", "дня", "дней", "дней", "дней", "день", "дня", "дней", "дней", "дней"
            ]
        );
    }

    #[test]
    fn degrees_read_after_do() {
        assert_eq!(degrees(1), "+1 градуса");
        assert_eq!(degrees(-4), "−4 градусов");
        assert_eq!(degrees(0), "0 градусов");
        assert_eq!(degrees(21), "+21 градуса");
    }

    #[test]
    fn items_are_deterministic_and_step_back_about_three_hours() {
        let anchor: Timestamp = "2026-11-25T00:47:00Z".parse().unwrap();
        let source = Source {
            name: "Харьковчанин".to_owned(),
            url: None,
        };
        let a = article(1, anchor, &source).unwrap();
        assert_eq!(a, article(1, anchor, &source).unwrap());
        assert_eq!(a.slug, "news-0001");
        assert!(anchor.duration_since(a.published_at) >= SignedDuration::from_hours(13 * 24));
        let b = article(2, anchor, &source).unwrap();
        let step = a.published_at.duration_since(b.published_at);
        assert!(step > SignedDuration::from_hours(2) && step < SignedDuration::from_hours(4));
    }
}
