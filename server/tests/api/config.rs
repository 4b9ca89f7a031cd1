//! Bad settings end in a readable `Err`, never a panic.

use vestnik_server::config::{check_locale, check_time_zone};
use vestnik_server::validate::check_http_url;
use vestnik_server::{Config, Store};

#[tokio::test]
async fn database_in_a_folder_that_cannot_be_created_is_a_readable_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the folder should be: create_dir_all fails even for root.
    std::fs::write(dir.path().join("blocker"), "").unwrap();
    let url = format!("sqlite://{}/blocker/sub/vestnik.db", dir.path().display());
    let error = Store::open(&url).await.unwrap_err().to_string();
    assert!(
        error.contains("cannot create the database folder"),
        "{error}"
    );
    assert!(error.contains("blocker"), "{error}");
}

#[tokio::test]
async fn other_bad_databases_are_readable_errors() {
    let dir = tempfile::tempdir().unwrap();
    let error = Store::open("mysql://localhost/vestnik")
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("unsupported database URL"), "{error}");

    let not_a_db = dir.path().join("junk.db");
    std::fs::write(
        &not_a_db,
        "this is not an SQLite file, just some text ".repeat(50),
    )
    .unwrap();
    let error = Store::open(&format!("sqlite://{}", not_a_db.display()))
        .await
        .unwrap_err()
        .to_string();
    assert!(error.contains("cannot open the database"), "{error}");
}

#[tokio::test]
async fn database_folder_and_file_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a/b/vestnik.db");
    Store::open(&format!("sqlite://{}", file.display()))
        .await
        .unwrap();
    assert!(file.is_file());
}

#[test]
fn unknown_time_zone_is_a_readable_error() {
    let error = check_time_zone("Europe/Atlantis").unwrap_err().to_string();
    assert!(
        error.contains("unknown time zone \"Europe/Atlantis\""),
        "{error}"
    );
    assert_eq!(check_time_zone("Europe/Kyiv").unwrap(), "Europe/Kyiv");
    assert!(check_time_zone("UTC").is_ok());

    let mut config = Config::defaults();
    config.site_time_zone = "Mars/Olympus_Mons".to_owned();
    assert!(
        config
            .validate()
            .unwrap_err()
            .to_string()
            .contains("Mars/Olympus_Mons")
    );

    let parsed =
        <Config as clap::Parser>::try_parse_from(["vestnik-server", "--site-time-zone", "Nowhere"]);
    let error = parsed.unwrap_err().to_string();
    assert!(error.contains("unknown time zone"), "{error}");
}

#[test]
fn other_settings_are_checked() {
    assert!(check_locale("ru").is_ok() && check_locale("en-GB").is_ok());
    assert!(check_locale("").is_err() && check_locale("r u").is_err());
    assert!(check_http_url("https://t.me/vestnik").is_ok());
    assert!(check_http_url("t.me/vestnik").is_err());
    // The same rules as the links the SPA renders: no user name, no `\`, a real host.
    assert!(check_http_url("https://харків.укр/канал").is_ok());
    for bad in [
        "https://t.me@evil.example/x",
        "https://t.me\\x",
        "https://",
        "https://a b",
    ] {
        let error = check_http_url(bad).unwrap_err().to_string();
        assert!(error.contains(&format!("{bad:?}")), "{error}");
    }
    let config = <Config as clap::Parser>::try_parse_from(["vestnik-server"]).unwrap();
    assert_eq!(config.site(), Config::defaults().site());
    assert_eq!(config.addr.to_string(), "127.0.0.1:8080");
    assert_eq!(config.database, "sqlite://data/vestnik.db");
    assert!(Config::defaults().validate().is_ok());
}

#[tokio::test]
async fn in_memory_database_keeps_its_data_across_connections() {
    let store = Store::open("sqlite::memory:").await.unwrap();
    vestnik_server::seed_demo(&store, jiff::Timestamp::now())
        .await
        .unwrap();
    // More concurrent reads than one connection: all see the same database.
    let counts = count_on_several_connections(store.db()).await;
    assert!(counts.iter().all(|&n| n == 310), "{counts:?}");
}

async fn count_on_several_connections(pool: &sqlx::AnyPool) -> Vec<i64> {
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let pool = pool.clone();
            tokio::spawn(async move {
                let mut conn = pool.acquire().await.unwrap();
                let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles")
                    .fetch_one(&mut *conn)
                    .await
                    .unwrap();
                tokio::task::yield_now().await;
                n
            })
        })
        .collect();
    let mut counts = Vec::new();
    for task in tasks {
        counts.push(task.await.unwrap());
    }
    counts
}

#[test]
fn comment_settings_have_their_defaults_and_are_checked() {
    use clap::{CommandFactory, Parser};
    use vestnik_server::{Cli, Command};
    Cli::command().debug_assert();
    let config = <Config as Parser>::try_parse_from(["vestnik-server"]).unwrap();
    assert_eq!(config.comment_burst, 5);
    assert_eq!(config.comment_per_seconds, 10);
    assert_eq!(config.stream_keep_alive, 15);
    assert!(config.moderator_token.is_none());
    assert_eq!(
        config.comment_rate_limit(),
        vestnik_server::RateLimit::COMMENTS
    );

    let config = <Config as Parser>::try_parse_from([
        "vestnik-server",
        "--comment-burst",
        "100000",
        "--comment-per-seconds",
        "1",
        "--moderator-token",
        "0123456789abcdef-secret",
    ])
    .unwrap();
    assert_eq!(config.comment_burst, 100_000);
    assert!(config.validate().is_ok());
    let token = config.moderator_token.unwrap();
    assert!(token.matches("0123456789abcdef-secret"));
    assert!(!token.matches("0123456789abcdef-secreT"));
    assert!(!token.matches("0123456789abcdef-secret "));
    assert!(!token.matches(""));
    assert!(
        !format!("{token:?}").contains("secret"),
        "Debug hides the token"
    );

    for args in [
        ["--comment-burst", "0"],
        ["--comment-burst", "1000001"],
        ["--comment-per-seconds", "0"],
        ["--stream-keep-alive", "3601"],
    ] {
        let error = <Config as Parser>::try_parse_from(["vestnik-server", args[0], args[1]])
            .unwrap_err()
            .to_string();
        assert!(error.contains("invalid"), "{args:?}: {error}");
    }
    let mut weak = Config::defaults();
    weak.moderator_token =
        Some(<Config as Parser>::try_parse_from(["x", "--moderator-token", "abc"]).unwrap())
            .and_then(|c| c.moderator_token);
    let error = weak.validate().unwrap_err().to_string();
    assert!(
        error.contains("invalid moderator token") && !error.contains("abc"),
        "{error}"
    );
    let mut zero = Config::defaults();
    zero.comment_burst = 0;
    assert!(zero.validate().is_err());

    // --database applies to the import subcommand, before or after its name.
    for args in [
        vec![
            "vestnik-server",
            "--database",
            "sqlite://a.db",
            "import-article",
        ],
        vec![
            "vestnik-server",
            "import-article",
            "--database",
            "sqlite://a.db",
        ],
    ] {
        let mut args = args;
        args.extend(["--slug", "s", "--title", "T", "--html", "f.html"]);
        let cli = <Cli as Parser>::try_parse_from(&args).unwrap();
        assert_eq!(cli.config.database, "sqlite://a.db");
        let Some(Command::ImportArticle(import)) = cli.command else {
            panic!("expected the import subcommand");
        };
        assert_eq!((import.slug.as_str(), import.title.as_str()), ("s", "T"));
        assert_eq!(import.published_at, None);
    }
    let error = <Cli as Parser>::try_parse_from([
        "vestnik-server",
        "import-article",
        "--slug",
        "s",
        "--title",
        "T",
        "--html",
        "f.html",
        "--published-at",
        "yesterday",
    ])
    .unwrap_err()
    .to_string();
    assert!(error.contains("--published-at"), "{error}");
}
