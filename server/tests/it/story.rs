//! The database story: migrations apply (twice, idempotently), demo content loads into an empty
//! database only, and the base data reads back the same on both backends.

use app::db::Backend;

use crate::{helpers::TestDb, on_both_backends};

async fn base_data_story(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = test_db.connect().await;
    assert_eq!(db.backend(), backend);
    // Migrating an up-to-date database changes nothing and fails nothing.
    db.migrate().await.expect("second migration run");

    assert!(db.site().base_data_is_empty().await.unwrap());
    let site = db.site().site_info().await.unwrap();
    assert_eq!(
        site.name, "Naboskab",
        "the neutral default before any content"
    );

    assert!(
        app::demo::load_if_empty(&db).await.unwrap(),
        "loads into an empty database"
    );
    assert!(
        !app::demo::load_if_empty(&db).await.unwrap(),
        "never loads twice"
    );

    let site = db.site().site_info().await.unwrap();
    assert_eq!(site.name, "Randers Nordby");
    assert_eq!(site.organisation, "Bysekretariatet");
    assert_eq!(site.magazine_name, "Nordbyposten");

    let areas: Vec<String> = db
        .site()
        .list_housing_areas()
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.name)
        .collect();
    assert_eq!(
        areas,
        ["Gl. Jennumparken", "Glarbjergvej-området", "Vangdalen"]
    );

    let focus: Vec<String> = db
        .site()
        .list_focus_areas()
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(focus.len(), 7);
    assert_eq!(focus[0], "Uddannelse, beskæftigelse og erhverv");
    assert_eq!(focus[1], "Børn, unge og familie");
    assert_eq!(focus[6], "Evaluering");

    let venues = db.site().list_venues().await.unwrap();
    let names: Vec<&str> = venues.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(
        names,
        ["Bysekretariatet", "Nordre Fælled", "ParkCafeen", "Parken"]
    );
    let park_cafe = venues.iter().find(|v| v.slug == "parkcafeen").unwrap();
    assert!(park_cafe.description.contains("fællesspisning"));

    // Looking up many ids at once spans several queries and finds each row once, in order
    // within its group.
    let mut ids: Vec<i64> = (1_000..2_200).collect();
    ids.insert(700, park_cafe.id);
    let found: Vec<(i64, String)> = db
        .rows_for_ids(
            "select id, slug from venues where id in ({ids}) order by id",
            &ids,
        )
        .await
        .unwrap();
    assert_eq!(found, [(park_cafe.id, "parkcafeen".to_owned())]);
    let all: Vec<i64> = venues.iter().map(|v| v.id).collect();
    let found: Vec<(i64,)> = db
        .rows_for_ids(
            "select id from venues where id in ({ids}) order by id",
            &all,
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 4);

    // Closing and reopening the same database keeps everything and migrates nothing new.
    db.close().await;
    let reopened = test_db.connect().await;
    assert_eq!(reopened.site().list_venues().await.unwrap(), venues);
    reopened.close().await;
}

on_both_backends!(base_data_story);

/// SQLite is opened the way the reliability budget needs: WAL, full sync, foreign keys and a
/// busy timeout of at least five seconds, on every connection of the pool.
#[tokio::test]
async fn sqlite_connections_are_durable_and_patient() {
    let test_db = TestDb::new(app::db::Backend::Sqlite).await;
    let db = test_db.connect().await;
    let app::db::Pool::Sqlite(pool) = db.pool() else {
        panic!("expected SQLite");
    };
    for _ in 0..3 {
        let mut conn = pool.acquire().await.unwrap();
        let journal: String = sqlx::query_scalar("pragma journal_mode")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let synchronous: i64 = sqlx::query_scalar("pragma synchronous")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let foreign_keys: i64 = sqlx::query_scalar("pragma foreign_keys")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let busy_timeout: i64 = sqlx::query_scalar("pragma busy_timeout")
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        assert_eq!(journal, "wal");
        assert_eq!(synchronous, 2, "FULL");
        assert_eq!(foreign_keys, 1);
        assert!(busy_timeout >= 5000, "busy_timeout is {busy_timeout} ms");
    }
}

/// Both migration folders hold the same file names, so the backends cannot drift apart.
#[test]
fn migration_folders_move_in_lockstep() {
    let names = |dir: &str| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../migrations")
            .join(dir);
        let mut names: Vec<String> = std::fs::read_dir(path)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    };
    let sqlite = names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, names("postgres"));
}
