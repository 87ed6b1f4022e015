//! The store test suite, run against SQLite and (when PLANWATCH_TEST_PG is set) PostgreSQL.

use planwatch_catalog::FactId;
use planwatch_catalog::{check, series, Catalog, FindingKind};
use planwatch_core::{
    Attribute, Comparator, DocType, DocumentInfo, Fact, Kind, Measure, Responsible,
};
use planwatch_store::{
    testing, Begin, FactFilter, NewDocument, NewUnit, Origin, PutOutcome, Role, SameName, Store,
    StoreError, UnitRole,
};

/// A store for one test; keeps its temporary folder or database alive.
struct Fixture {
    store: Store,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl Fixture {
    async fn done(self) {
        self.store.close().await;
        if let Some((base, url)) = &self.pg {
            testing::drop_postgres(base, url)
                .await
                .expect("drop test database");
        }
    }
}

async fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let store = Store::open(&path.display().to_string())
        .await
        .expect("open sqlite");
    Fixture {
        store,
        _dir: Some(dir),
        pg: None,
    }
}

async fn postgres(label: &str) -> Option<Fixture> {
    let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
        eprintln!("note: PLANWATCH_TEST_PG is not set; skipping the PostgreSQL run of {label}");
        return None;
    };
    let url = testing::fresh_postgres(&base, label)
        .await
        .expect("create test database");
    let store = Store::open(&url).await.expect("open postgres");
    Some(Fixture {
        store,
        _dir: None,
        pg: Some((base, url)),
    })
}

fn info(title: &str) -> DocumentInfo {
    DocumentInfo {
        title: Some(title.into()),
        region: Some("锦州市".into()),
        doc_type: DocType::FiveYearPlan,
        period_start: Some(2016),
        period_end: Some(2020),
        year: Some(2016),
        issuer: Some("锦州市人民政府".into()),
        number: Some("锦政发〔2016〕1号".into()),
    }
}

fn doc(name: &str, text: &str) -> NewDocument {
    NewDocument {
        name: name.into(),
        path: Some(format!("/corpus/{name}")),
        format: "text".into(),
        origin: Origin::Document,
        info: info(&format!("《{name}》")),
        text: text.into(),
    }
}

fn fact(
    doc: &str,
    kind: Kind,
    indicator: &str,
    year: i32,
    value: f64,
    unit: &str,
    measure: Measure,
) -> Fact {
    Fact {
        doc: doc.into(),
        kind,
        indicator: indicator.into(),
        region: Some("锦州市".into()),
        year: Some(year),
        value: Some(value),
        value_max: None,
        unit: Some(unit.into()),
        measure,
        comparator: Comparator::Eq,
        attribute: Some(Attribute::Expected),
        text: None,
        quote: format!("{indicator}{value}{unit}"),
        section: Some("第二章 发展目标".into()),
        start: Some(10),
        end: Some(20),
        responsible: None,
    }
}

async fn round_trip(fx: Fixture) {
    let s = &fx.store;
    let mut f2 = fact(
        "a.txt",
        Kind::Target,
        "森林覆盖率",
        2020,
        21.0,
        "%",
        Measure::Level,
    );
    f2.value_max = Some(22.5);
    f2.comparator = Comparator::Ge;
    f2.attribute = Some(Attribute::Binding);
    let mut f3 = fact(
        "a.txt",
        Kind::Target,
        "新增建设用地规模",
        2020,
        0.0,
        "万亩",
        Measure::Level,
    );
    f3.value = None;
    f3.unit = None;
    f3.text = Some("完成省下达目标".into());
    f3.attribute = None;
    f3.section = None;
    f3.start = None;
    f3.end = None;
    let facts = vec![
        fact(
            "a.txt",
            Kind::Actual,
            "地区生产总值",
            2015,
            1357.5,
            "亿元",
            Measure::Level,
        ),
        f2,
        f3,
    ];
    let out = s
        .put_document(&doc("a.txt", "text a"), &facts)
        .await
        .expect("put");
    let PutOutcome::Stored(d) = out else {
        panic!("expected a new document")
    };
    assert_eq!((d.revision, d.fact_count), (1, 3));
    let back = s.facts(&FactFilter::default()).await.expect("facts");
    assert_eq!(
        back.iter().map(|f| f.fact.clone()).collect::<Vec<_>>(),
        facts
    );
    let docs = s.documents(false).await.expect("docs");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].info, info("《a.txt》"));
    assert!(docs[0].current);
    assert_eq!(
        s.document_text(&d.id).await.expect("text").as_deref(),
        Some("text a")
    );
    assert_eq!(
        s.find_document("a.txt").await.expect("find").map(|d| d.id),
        Some(d.id.clone())
    );
    assert_eq!(
        s.find_document(&d.id[..8])
            .await
            .expect("find by id")
            .map(|d| d.name),
        Some("a.txt".into())
    );
    // Filters.
    let by = |f: FactFilter| async move { s.facts(&f).await.expect("filter").len() };
    assert_eq!(
        by(FactFilter {
            year: Some(2020),
            ..Default::default()
        })
        .await,
        2
    );
    assert_eq!(
        by(FactFilter {
            kind: Some(Kind::Actual),
            ..Default::default()
        })
        .await,
        1
    );
    assert_eq!(
        by(FactFilter {
            region: Some("锦州".into()),
            ..Default::default()
        })
        .await,
        3
    );
    assert_eq!(
        by(FactFilter {
            region: Some("葫芦岛".into()),
            ..Default::default()
        })
        .await,
        0
    );
    assert_eq!(
        by(FactFilter {
            indicators: Some(vec!["森林覆盖率".into(), "x".into()]),
            ..Default::default()
        })
        .await,
        1
    );
    assert_eq!(
        by(FactFilter {
            doc: Some("a.txt".into()),
            ..Default::default()
        })
        .await,
        3
    );
    assert_eq!(
        by(FactFilter {
            doc: Some("b.txt".into()),
            ..Default::default()
        })
        .await,
        0
    );
    let names = s.indicator_names().await.expect("names");
    assert_eq!(names.len(), 3);
    fx.done().await;
}

async fn same_content_once_and_revisions_kept(fx: Fixture) {
    let s = &fx.store;
    let f1 = vec![fact(
        "a.txt",
        Kind::Target,
        "地区生产总值",
        2020,
        1900.0,
        "亿元",
        Measure::Level,
    )];
    assert!(matches!(
        s.put_document(&doc("a.txt", "v1"), &f1).await.expect("put"),
        PutOutcome::Stored(_)
    ));
    let again = s
        .put_document(&doc("a.txt", "v1"), &f1)
        .await
        .expect("put again");
    assert!(matches!(again, PutOutcome::Unchanged(_)));
    let c = s.counts().await.expect("counts");
    assert_eq!((c.documents, c.revisions, c.facts), (1, 1, 1));
    let f2 = vec![
        fact(
            "a.txt",
            Kind::Target,
            "地区生产总值",
            2020,
            2000.0,
            "亿元",
            Measure::Level,
        ),
        fact(
            "a.txt",
            Kind::Actual,
            "地区生产总值",
            2015,
            1357.5,
            "亿元",
            Measure::Level,
        ),
    ];
    let PutOutcome::Stored(d2) = s
        .put_document(&doc("a.txt", "v2"), &f2)
        .await
        .expect("put v2")
    else {
        panic!("changed content is a new revision")
    };
    assert_eq!(d2.revision, 2);
    let c = s.counts().await.expect("counts");
    assert_eq!((c.documents, c.revisions, c.facts), (1, 2, 3));
    assert_eq!(s.documents(false).await.expect("current").len(), 1);
    let all = s.documents(true).await.expect("all");
    assert_eq!(
        all.iter()
            .map(|d| (d.revision, d.current))
            .collect::<Vec<_>>(),
        vec![(1, false), (2, true)]
    );
    assert_eq!(
        s.facts(&FactFilter::default())
            .await
            .expect("current facts")
            .len(),
        2
    );
    let every = FactFilter {
        all_revisions: true,
        ..Default::default()
    };
    assert_eq!(s.facts(&every).await.expect("all facts").len(), 3);
    assert_eq!(s.revisions("a.txt").await.expect("revisions").len(), 2);
    fx.done().await;
}

/// The one ingest path's name policy: a name holding other content is
/// refused (nothing written) unless the caller revises it; the same content is
/// unchanged whichever policy.
async fn ingest_refuses_or_revises_a_taken_name(fx: Fixture) {
    let s = &fx.store;
    let f = vec![fact(
        "b.txt",
        Kind::Target,
        "地区生产总值",
        2020,
        1900.0,
        "亿元",
        Measure::Level,
    )];
    let PutOutcome::Stored(first) = s
        .ingest(&doc("b.txt", "v1"), &f, SameName::Refuse)
        .await
        .expect("a new name is stored")
    else {
        panic!("new content is stored")
    };
    assert!(matches!(
        s.ingest(&doc("b.txt", "v1"), &f, SameName::Refuse).await,
        Ok(PutOutcome::Unchanged(_))
    ));
    match s.ingest(&doc("b.txt", "v2"), &f, SameName::Refuse).await {
        Err(StoreError::NameTaken { name, revision }) => {
            assert_eq!((name.as_str(), revision), ("b.txt", 1));
        }
        other => panic!("other content under a taken name is refused: {other:?}"),
    }
    let c = s.counts().await.expect("counts");
    assert_eq!((c.documents, c.revisions, c.facts), (1, 1, 1));
    let PutOutcome::Stored(second) = s
        .ingest(&doc("b.txt", "v2"), &f, SameName::Revise)
        .await
        .expect("revised")
    else {
        panic!("a revision is stored")
    };
    assert_eq!((first.revision, second.revision), (1, 2));
    // Sending the first content again, refusing: the name's current content
    // is other, so it is refused as any other content would be.
    assert!(matches!(
        s.ingest(&doc("b.txt", "v1"), &f, SameName::Refuse).await,
        Err(StoreError::NameTaken { revision: 2, .. })
    ));
    fx.done().await;
}

async fn an_abandoned_document_leaves_nothing(fx: Fixture) {
    let s = &fx.store;
    let facts: Vec<Fact> = (0..50)
        .map(|i| {
            fact(
                "x.txt",
                Kind::Actual,
                "地区生产总值",
                1970 + i,
                f64::from(i),
                "亿元",
                Measure::Level,
            )
        })
        .collect();
    // Dropped before commit.
    {
        let Begin::New(mut w) = s
            .begin_document(&doc("x.txt", "dropped"))
            .await
            .expect("begin")
        else {
            panic!()
        };
        for f in &facts[..25] {
            w.add_fact(f).await.expect("add");
        }
    }
    // Rolled back explicitly.
    let Begin::New(mut w) = s
        .begin_document(&doc("y.txt", "rolled back"))
        .await
        .expect("begin")
    else {
        panic!()
    };
    w.add_fact(&facts[0]).await.expect("add");
    w.rollback().await.expect("rollback");
    let c = s.counts().await.expect("counts");
    assert_eq!((c.revisions, c.facts), (0, 0));
    // The store is still usable and the name free.
    let out = s
        .put_document(&doc("x.txt", "dropped"), &facts)
        .await
        .expect("put");
    assert_eq!(out.document().revision, 1);
    assert_eq!(out.document().fact_count, 50);
    assert!(s.incomplete_documents().await.expect("check").is_empty());
    fx.done().await;
}

/// Runs this test binary again as a child that dies (abort) halfway through
/// writing a document, then checks the store holds no part of it.
async fn a_killed_ingest_leaves_no_partial_document(fx: Fixture, location: String) {
    let exe = std::env::current_exe().expect("current exe");
    let status = std::process::Command::new(exe)
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env("PLANWATCH_CRASH_STORE", &location)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("spawn child");
    assert!(!status.success(), "the child must die mid-write");
    let s = &fx.store;
    let docs = s.documents(true).await.expect("docs");
    assert_eq!(
        docs.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        vec!["whole.txt"]
    );
    assert_eq!(docs[0].fact_count, 10);
    assert_eq!(
        s.facts(&FactFilter::default()).await.expect("facts").len(),
        10
    );
    assert!(s.incomplete_documents().await.expect("check").is_empty());
    // Ingesting again after the restart stores the document whole.
    let facts: Vec<Fact> = (0..200)
        .map(|i| {
            fact(
                "half.txt",
                Kind::Actual,
                "森林覆盖率",
                1800 + i,
                1.0,
                "%",
                Measure::Level,
            )
        })
        .collect();
    let out = s
        .put_document(&doc("half.txt", "half"), &facts)
        .await
        .expect("restart");
    assert_eq!(out.document().fact_count, 200);
    fx.done().await;
}

/// The child side of the kill test: no-op unless PLANWATCH_CRASH_STORE is set.
#[tokio::test]
async fn crash_child() {
    let Ok(location) = std::env::var("PLANWATCH_CRASH_STORE") else {
        return;
    };
    let s = Store::open(&location).await.expect("child open");
    let whole: Vec<Fact> = (0..10)
        .map(|i| {
            fact(
                "whole.txt",
                Kind::Actual,
                "地区生产总值",
                2000 + i,
                1.0,
                "亿元",
                Measure::Level,
            )
        })
        .collect();
    s.put_document(&doc("whole.txt", "whole"), &whole)
        .await
        .expect("child put");
    let Begin::New(mut w) = s
        .begin_document(&doc("half.txt", "half"))
        .await
        .expect("child begin")
    else {
        panic!()
    };
    for i in 0..100 {
        w.add_fact(&fact(
            "half.txt",
            Kind::Actual,
            "森林覆盖率",
            1800 + i,
            1.0,
            "%",
            Measure::Level,
        ))
        .await
        .expect("add");
    }
    std::process::abort();
}

async fn contradiction_and_synonym_series_through_the_store(fx: Fixture) {
    let s = &fx.store;
    let mut outline = doc("000_outline.txt", "outline");
    outline.info.doc_type = DocType::Outline;
    outline.info.period_start = Some(2015);
    outline.info.period_end = Some(2025);
    let mut a = fact(
        "000_outline.txt",
        Kind::Target,
        "地区生产总值",
        2020,
        2000.0,
        "亿元",
        Measure::Level,
    );
    a.quote = "到2020年,地区生产总值达到2000亿元".into();
    let rd1 = fact(
        "000_outline.txt",
        Kind::Target,
        "研发经费投入强度",
        2020,
        2.0,
        "%",
        Measure::Level,
    );
    s.put_document(&outline, &[a, rd1]).await.expect("outline");
    let mut b = fact(
        "001_plan.txt",
        Kind::Target,
        "地区生产总值",
        2020,
        1900.0,
        "亿元",
        Measure::Level,
    );
    b.quote = "地区生产总值 (亿元)\t\t1357.5\t1900\t7\t预期性".into();
    let rd2 = fact(
        "001_plan.txt",
        Kind::Actual,
        "研究与试验发展(R&D)经费投入强度",
        2015,
        1.2,
        "%",
        Measure::Level,
    );
    s.put_document(&doc("001_plan.txt", "plan"), &[b, rd2])
        .await
        .expect("plan");

    let cat = Catalog::builtin();
    let facts = s
        .sourced_facts(&FactFilter::default())
        .await
        .expect("sourced");
    let findings = check(&cat, &facts, Some("锦州"));
    let gdp: Vec<_> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::TargetConflict)
        .collect();
    assert_eq!(gdp.len(), 1, "{findings:#?}");
    assert_eq!(
        (gdp[0].indicator.as_str(), gdp[0].year),
        ("地区生产总值", Some(2020))
    );
    let quotes: Vec<&str> = gdp[0].evidence.iter().map(|e| e.quote.as_str()).collect();
    assert!(
        quotes.contains(&"到2020年,地区生产总值达到2000亿元"),
        "{quotes:?}"
    );
    assert!(quotes.iter().any(|q| q.contains("1900")), "{quotes:?}");

    let rd = series(&cat, &facts, "R&D经费投入强度", Some("锦州市"));
    assert_eq!(rd.indicator, "研究与试验发展经费投入强度");
    assert_eq!(
        rd.points.iter().map(|p| p.doc.as_str()).collect::<Vec<_>>(),
        vec!["001_plan.txt", "000_outline.txt"]
    );
    fx.done().await;
}

/// A fact answered for by `lead` and `partners`, as extraction reads them from the text.
fn led(mut f: Fact, lead: &[&str], partners: &[&str]) -> Fact {
    f.responsible = Some(Responsible {
        lead: lead.iter().map(|s| s.to_string()).collect(),
        partners: partners.iter().map(|s| s.to_string()).collect(),
    });
    f
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The audit actions and subjects, oldest first.
async fn audit_trail(s: &Store) -> Vec<String> {
    let mut lines: Vec<String> = s
        .audit_entries(1000)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| format!("{} {}", e.action, e.subject))
        .collect();
    lines.reverse();
    lines
}

async fn units_and_assignments(fx: Fixture) {
    let s = &fx.store;
    let target = |name: &str, value: f64| {
        fact(
            "impl.txt",
            Kind::Target,
            name,
            2025,
            value,
            "%",
            Measure::Level,
        )
    };
    let facts = vec![
        // 0: the text names a lead (found later by its short name) and two partners.
        led(
            target("供水保证率", 95.0),
            &["市水务局"],
            &["市发展改革委", "市财政局"],
        ),
        // 1: no one named.
        target("城镇化率", 60.0),
        // 2: an achieved value naming someone: never assigned.
        led(
            fact(
                "impl.txt",
                Kind::Actual,
                "城镇化率",
                2020,
                55.0,
                "%",
                Measure::Level,
            ),
            &["市住建局"],
            &[],
        ),
        // 3: names a unit that will be retired.
        led(target("统计数据质量", 99.0), &["市统计局"], &[]),
        // 4: names a body by a name no unit may have.
        led(target("节水率", 10.0), &["市农业局、市林业局"], &[]),
    ];
    let PutOutcome::Stored(d) = s
        .put_document(&doc("impl.txt", "implementation plan v1"), &facts)
        .await
        .expect("put")
    else {
        panic!("expected a new document")
    };
    let at = |ord: i64| FactId::new(d.id.clone(), ord);

    // Units from a list: names unique, short names kept, a bad name refuses all.
    let list = vec![
        NewUnit::named(" 市统计局 "),
        NewUnit {
            name: "锦州市发展和改革委员会".into(),
            short_name: Some("市发展改革委".into()),
        },
        NewUnit::named("市统计局"),
    ];
    let done = s.add_units(&list, Some("root")).await.expect("add units");
    let added: Vec<&str> = done.added.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(added, ["市统计局", "锦州市发展和改革委员会"]);
    assert!(done.known.is_empty());
    let again = s.add_units(&list, Some("root")).await.expect("add again");
    assert!(again.added.is_empty());
    assert_eq!(again.known, ["市统计局", "锦州市发展和改革委员会"]);
    assert!(matches!(
        s.add_units(
            &[NewUnit::named("市民政局"), NewUnit::named("甲局、乙局")],
            None
        )
        .await,
        Err(StoreError::Unit(_))
    ));
    assert!(s.find_unit("市民政局").await.expect("find").is_none());
    let ndrc = s
        .find_unit("市发展改革委")
        .await
        .expect("find")
        .expect("by its short name");
    assert_eq!(ndrc.name, "锦州市发展和改革委员会");
    assert_eq!(
        s.find_unit(&ndrc.id.to_string())
            .await
            .expect("find")
            .map(|u| u.name),
        Some(ndrc.name.clone())
    );

    // Assigning: lead and partners by name or short name, each unit once.
    let a = s
        .assign(
            &at(1),
            &names(&["市统计局"]),
            &names(&["市发展改革委", "市统计局"]),
            Some("root"),
        )
        .await
        .expect("assign");
    assert_eq!(a.lead, ["市统计局"]);
    assert_eq!(a.partners, ["锦州市发展和改革委员会"]);
    assert_eq!(a.assigned_by.as_deref(), Some("root"));
    // Refused: an actual, no such fact, unknown units, no lead.
    assert!(matches!(
        s.assign(&at(2), &names(&["市统计局"]), &[], None).await,
        Err(StoreError::Unit(m)) if m.contains("not a target")
    ));
    assert!(matches!(
        s.assign(&at(99), &names(&["市统计局"]), &[], None).await,
        Err(StoreError::NoSuchFact(_))
    ));
    assert!(matches!(
        s.assign(&at(1), &names(&["甲局"]), &names(&["乙局"]), None).await,
        Err(StoreError::NoSuchUnit(n)) if n == "甲局、乙局"
    ));
    assert!(matches!(
        s.assign(&at(1), &names(&[" "]), &names(&["市统计局"]), None)
            .await,
        Err(StoreError::Unit(_))
    ));
    // Assigning again replaces the whole assignment.
    let a = s
        .assign(
            &at(1),
            &names(&["锦州市发展和改革委员会"]),
            &names(&["市统计局"]),
            None,
        )
        .await
        .expect("reassign");
    assert_eq!(
        s.assignment(&at(1)).await.expect("read"),
        Some(a.clone()),
        "read back as written"
    );
    assert_eq!(a.lead, ["锦州市发展和改革委员会"]);
    assert_eq!(a.partners, ["市统计局"]);

    // Retiring: kept with its assignments, refused for new ones.
    assert!(s
        .retire_unit("市统计局", Some("root"))
        .await
        .expect("retire"));
    assert!(!s.retire_unit("市统计局", None).await.expect("again"));
    assert!(matches!(
        s.retire_unit("无此单位", None).await,
        Err(StoreError::NoSuchUnit(_))
    ));
    assert!(matches!(
        s.assign(&at(3), &names(&["市统计局"]), &[], None).await,
        Err(StoreError::Unit(m)) if m.contains("retired")
    ));
    let active: Vec<String> = s
        .units(false)
        .await
        .expect("units")
        .into_iter()
        .map(|u| u.name)
        .collect();
    assert_eq!(active, ["锦州市发展和改革委员会"]);
    let all = s.units(true).await.expect("units");
    let stats = all
        .iter()
        .find(|u| u.name == "市统计局")
        .expect("still listed");
    assert!(stats.retired() && stats.targets == 1, "{stats:?}");
    let partnered = s.unit_targets("市统计局", false).await.expect("targets");
    assert_eq!(partnered.len(), 1);
    assert_eq!(partnered[0].role, UnitRole::Partner);
    assert_eq!(partnered[0].fact.fact.indicator, "城镇化率");
    assert_eq!(partnered[0].doc, "impl.txt");
    assert!(partnered[0].current);

    // From the text: fact 0 only (1 is assigned, 2 is an actual, 3 names a
    // retired unit, 4 a name no unit may have). 市发展改革委 is the short
    // name of a stored unit; the two others are added.
    let ft = s.assign_from_text(Some("root")).await.expect("from text");
    assert_eq!(ft.assigned, 1);
    assert_eq!(ft.units_added, ["市水务局", "市财政局"]);
    assert_eq!(ft.skipped, 2);
    let a0 = s.assignment(&at(0)).await.expect("read").expect("assigned");
    assert_eq!(a0.lead, ["市水务局"]);
    assert_eq!(a0.partners, ["锦州市发展和改革委员会", "市财政局"]);
    let again = s.assign_from_text(None).await.expect("again");
    assert_eq!((again.assigned, again.units_added.len()), (0, 0));
    assert!(s.assignment(&at(3)).await.expect("read").is_none());
    let by_ord = s.document_assignments(&d.id).await.expect("document");
    assert_eq!(by_ord.keys().copied().collect::<Vec<_>>(), [0, 1]);
    let led_by_ndrc = s
        .unit_targets("锦州市发展和改革委员会", false)
        .await
        .expect("targets");
    let roles: Vec<(i64, UnitRole)> = led_by_ndrc.iter().map(|t| (t.fact.ord, t.role)).collect();
    assert_eq!(roles, [(0, UnitRole::Partner), (1, UnitRole::Lead)]);
    assert_eq!(led_by_ndrc[0].assignment, a0);
    assert!(matches!(
        s.unit_targets("无此单位", false).await,
        Err(StoreError::NoSuchUnit(_))
    ));

    // A new revision: the old one's assignments stay with it, out of the current view.
    s.put_document(&doc("impl.txt", "implementation plan v2"), &facts)
        .await
        .expect("revise");
    assert!(s
        .unit_targets("市水务局", false)
        .await
        .expect("targets")
        .is_empty());
    let old = s.unit_targets("市水务局", true).await.expect("targets");
    assert_eq!(old.len(), 1);
    assert!(!old[0].current);
    assert!(s
        .units(false)
        .await
        .expect("units")
        .iter()
        .all(|u| u.targets == 0));

    // Clearing.
    let cleared = s
        .clear_assignment(&at(1), Some("root"))
        .await
        .expect("clear");
    assert_eq!(
        cleared.map(|a| a.lead),
        Some(names(&["锦州市发展和改革委员会"]))
    );
    assert!(s
        .clear_assignment(&at(1), None)
        .await
        .expect("again")
        .is_none());
    assert!(s.assignment(&at(1)).await.expect("read").is_none());

    // Every change is in the audit trail, with the value before and after.
    let f = |ord: i64| format!("fact:{}", at(ord));
    // (The documents stored are audited too: see `stored_documents_are_audited`.)
    let trail: Vec<String> = audit_trail(s)
        .await
        .into_iter()
        .filter(|l| !l.starts_with("document.ingest"))
        .collect();
    assert_eq!(
        trail,
        [
            "unit.add unit:市统计局".to_string(),
            "unit.add unit:锦州市发展和改革委员会".into(),
            format!("assignment.set {}", f(1)),
            format!("assignment.set {}", f(1)),
            "unit.retire unit:市统计局".into(),
            "unit.add unit:市水务局".into(),
            "unit.add unit:市财政局".into(),
            format!("assignment.from_text {}", f(0)),
            format!("assignment.clear {}", f(1)),
        ]
    );
    let entries = s.audit_entries(1000).await.expect("audit");
    let reassigned = entries
        .iter()
        .filter(|e| e.action == "assignment.set")
        .map(|e| (e.before.clone(), e.after.clone()))
        .next()
        .expect("the second assignment");
    assert_eq!(
        reassigned.0.as_deref(),
        Some(r#"{"lead":["市统计局"],"partners":["锦州市发展和改革委员会"]}"#)
    );
    assert_eq!(
        reassigned.1.as_deref(),
        Some(r#"{"lead":["锦州市发展和改革委员会"],"partners":["市统计局"]}"#)
    );
    assert!(entries.iter().any(|e| e.action == "unit.retire"
        && e.after
            .as_deref()
            .is_some_and(|a| a.contains(r#""retired":true"#))));
    fx.done().await;
}

async fn submissions_are_reported_reviewed_and_become_actuals(fx: Fixture) {
    use planwatch_store::{NewSubmission, SubmissionFilter, SubmissionInput, SubmissionStatus};
    let s = &fx.store;
    let facts = vec![
        fact(
            "plan.txt",
            Kind::Target,
            "城镇化率",
            2025,
            60.0,
            "%",
            Measure::Level,
        ),
        fact(
            "plan.txt",
            Kind::Target,
            "供水保证率",
            2025,
            95.0,
            "%",
            Measure::Level,
        ),
        fact(
            "plan.txt",
            Kind::Actual,
            "城镇化率",
            2020,
            55.0,
            "%",
            Measure::Level,
        ),
    ];
    let PutOutcome::Stored(d) = s
        .put_document(&doc("plan.txt", "the plan"), &facts)
        .await
        .expect("put")
    else {
        panic!("expected a new document")
    };
    let at = |ord: i64| FactId::new(d.id.clone(), ord);
    s.add_units(
        &[
            NewUnit {
                name: "锦州市统计局".into(),
                short_name: Some("市统计局".into()),
            },
            NewUnit::named("市水务局"),
        ],
        None,
    )
    .await
    .expect("units");
    s.assign(&at(0), &names(&["锦州市统计局"]), &[], Some("root"))
        .await
        .expect("assign");
    s.assign(&at(1), &names(&["市水务局"]), &[], Some("root"))
        .await
        .expect("assign");
    // A reporter names their unit by its short name.
    let li = s
        .add_user(
            "li",
            "li-password",
            Role::Reporter,
            &names(&["市统计局"]),
            None,
        )
        .await
        .expect("reporter");
    let wu = s
        .add_user(
            "wu",
            "wu-password",
            Role::Reporter,
            &names(&["市水务局"]),
            None,
        )
        .await
        .expect("other reporter");
    let zhao = s
        .add_user("zhao", "zhao-password", Role::Reviewer, &[], None)
        .await
        .expect("reviewer");
    let deputy = s
        .add_user("wang", "wang-password", Role::Deputy, &[], None)
        .await
        .expect("deputy");
    let input = |value: f64, narrative: &str| SubmissionInput {
        year: 2023,
        quarter: None,
        month: None,
        value,
        measure_unit: Some("%".into()),
        narrative: narrative.into(),
    };
    let new = |ord: i64, unit: &str, value: f64| NewSubmission {
        fact: at(ord),
        unit: unit.into(),
        input: input(value, ""),
    };

    // Only a reporter of the unit, only on the unit's targets, once a period.
    for (who, ord, unit) in [
        (&wu, 0, "锦州市统计局"),
        (&zhao, 0, "锦州市统计局"),
        (&deputy, 0, "市统计局"),
    ] {
        assert!(
            matches!(
                s.create_submission(&new(ord, unit, 56.0), who).await,
                Err(StoreError::Forbidden(_))
            ),
            "{}",
            who.name
        );
    }
    assert!(matches!(
        s.create_submission(&new(1, "市统计局", 96.0), &li).await,
        Err(StoreError::Submission(_))
    ));
    let mut bad = new(0, "市统计局", 56.0);
    bad.input.quarter = Some(5);
    assert!(matches!(
        s.create_submission(&bad, &li).await,
        Err(StoreError::Submission(_))
    ));
    let d1 = s
        .create_submission(&new(0, "市统计局", 50.0), &li)
        .await
        .expect("draft");
    assert_eq!(
        (d1.status, d1.version, d1.unit.as_str()),
        (SubmissionStatus::Draft, 1, "锦州市统计局")
    );
    assert!(matches!(
        s.create_submission(&new(0, "市统计局", 51.0), &li).await,
        Err(StoreError::Submission(_))
    ));
    let mut q2 = new(0, "市统计局", 57.0);
    q2.input.quarter = Some(2);
    let quarterly = s.create_submission(&q2, &li).await.expect("another period");
    assert_eq!(quarterly.period_zh(), "2023年第2季度");

    // Another unit's reporter finds nothing and changes nothing; a deputy is refused.
    assert!(matches!(
        s.submission(d1.id, &wu).await,
        Err(StoreError::NoSuchSubmission(_))
    ));
    assert!(matches!(
        s.update_submission(d1.id, &input(1.0, ""), &wu).await,
        Err(StoreError::NoSuchSubmission(_))
    ));
    assert!(matches!(
        s.submit_submission(d1.id, &wu, 1, None).await,
        Err(StoreError::NoSuchSubmission(_))
    ));
    assert!(matches!(
        s.submission(d1.id, &deputy).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.submissions(&SubmissionFilter::default(), &deputy).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(s
        .submissions(&SubmissionFilter::default(), &wu)
        .await
        .expect("list")
        .is_empty());
    // A reviewer neither edits nor submits a unit's value, nor reviews a draft.
    assert!(matches!(
        s.submit_submission(d1.id, &zhao, 1, None).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.approve_submission(d1.id, &zhao, None).await,
        Err(StoreError::Submission(_))
    ));

    // A red value needs an explanation before it is submitted.
    let refused = s.submit_submission(d1.id, &li, 1, Some("严重滞后")).await;
    assert!(
        matches!(&refused, Err(StoreError::NeedsExplanation(m)) if m.contains("严重滞后")),
        "{refused:?}"
    );
    assert_eq!(
        s.submission(d1.id, &li).await.expect("read").status,
        SubmissionStatus::Draft
    );
    let d1 = s
        .update_submission(d1.id, &input(50.0, "受疫情影响，进城务工人员回流"), &li)
        .await
        .expect("explained");
    // The evaluation was of version 1; the narrative made version 2.
    assert!(matches!(
        s.submit_submission(d1.id, &li, 1, Some("严重滞后")).await,
        Err(StoreError::Submission(_))
    ));
    let sub = s
        .submit_submission(d1.id, &li, d1.version, Some("严重滞后"))
        .await
        .expect("submitted");
    assert_eq!((sub.status, sub.version), (SubmissionStatus::Submitted, 3));
    // Submitted: no longer the reporter's to change.
    assert!(matches!(
        s.update_submission(d1.id, &input(52.0, "x"), &li).await,
        Err(StoreError::Submission(_))
    ));

    // Returned with a comment (required), by a reviewer; a reporter may not.
    assert!(matches!(
        s.return_submission(d1.id, &li, "no").await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.return_submission(d1.id, &zhao, "  ").await,
        Err(StoreError::Submission(_))
    ));
    let ret = s
        .return_submission(d1.id, &zhao, "请核对统计口径")
        .await
        .expect("returned");
    assert_eq!(ret.status, SubmissionStatus::Returned);
    assert_eq!(ret.review_comment.as_deref(), Some("请核对统计口径"));
    let by_status = s
        .submissions(
            &SubmissionFilter {
                status: Some(SubmissionStatus::Returned),
                ..Default::default()
            },
            &li,
        )
        .await
        .expect("by status");
    assert_eq!(by_status.iter().map(|x| x.id).collect::<Vec<_>>(), [d1.id]);

    // Fixed, submitted again (fine now: no explanation needed), approved.
    s.update_submission(d1.id, &input(57.5, ""), &li)
        .await
        .expect("fixed");
    s.submit_submission(d1.id, &li, 5, None)
        .await
        .expect("resubmitted");
    let before = s.counts().await.expect("counts").revisions;
    let ok = s
        .approve_submission(d1.id, &zhao, Some("同意"))
        .await
        .expect("approved");
    assert_eq!(ok.status, SubmissionStatus::Approved);
    let actual_doc = ok.actual_document_id.clone().expect("an actual's document");
    assert_eq!(s.counts().await.expect("counts").revisions, before + 1);
    assert!(matches!(
        s.approve_submission(d1.id, &zhao, None).await,
        Err(StoreError::Submission(_))
    ));

    // The actual: the target's indicator and region, the year, the value, origin report.
    let stored = s
        .find_document(&actual_doc)
        .await
        .expect("find")
        .expect("stored");
    assert_eq!(stored.origin, "report");
    let sourced = s
        .sourced_facts(&FactFilter::default())
        .await
        .expect("facts");
    let actual = sourced
        .iter()
        .find(|f| f.doc.id == actual_doc)
        .expect("the approved value is a fact");
    assert_eq!(actual.fact.kind, Kind::Actual);
    assert_eq!(actual.fact.indicator, "城镇化率");
    assert_eq!(actual.fact.region.as_deref(), Some("锦州市"));
    assert_eq!(
        (actual.fact.year, actual.fact.value),
        (Some(2023), Some(57.5))
    );
    assert!(
        actual.fact.quote.contains("锦州市统计局填报"),
        "{}",
        actual.fact.quote
    );

    // Every change versioned and audited; lists by unit and by target.
    let versions = s.submission_versions(d1.id, &li).await.expect("versions");
    let actions: Vec<&str> = versions.iter().map(|v| v.action.as_str()).collect();
    assert_eq!(
        actions,
        ["create", "update", "submit", "return", "update", "submit", "approve"]
    );
    assert_eq!(
        versions[3].review_comment.as_deref(),
        Some("请核对统计口径")
    );
    assert_eq!(versions[1].narrative, "受疫情影响，进城务工人员回流");
    let audited = audit_trail(s).await;
    assert_eq!(
        audited
            .iter()
            .filter(|l| l.ends_with(&format!("submission:{}", d1.id)))
            .count(),
        7,
        "{audited:?}"
    );
    let by_target = s
        .submissions(
            &SubmissionFilter {
                fact: Some(at(0)),
                ..Default::default()
            },
            &zhao,
        )
        .await
        .expect("by target");
    assert_eq!(by_target.len(), 2);
    let by_unit = s
        .submissions(
            &SubmissionFilter {
                unit: Some("市水务局".into()),
                ..Default::default()
            },
            &zhao,
        )
        .await
        .expect("by unit");
    assert!(by_unit.is_empty());

    // The reporter's targets, each with its latest submission.
    let due = s.due_targets(&li, 1_700_000_000).await.expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].target.fact.ord, 0);
    assert_eq!(due[0].latest.as_ref().map(|x| x.id), Some(quarterly.id));
    assert!(matches!(
        s.due_targets(&zhao, 1_700_000_000).await,
        Err(StoreError::Forbidden(_))
    ));
    fx.done().await;
}

/// An admin disables a user (their sessions end, they cannot log in, their
/// API token is refused) and enables them again; each change is audited,
/// a repeated one changes nothing.
async fn users_are_disabled_and_enabled(fx: Fixture) {
    let s = &fx.store;
    s.add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    s.add_user(
        "li",
        "li-password",
        Role::Reporter,
        &names(&["市统计局"]),
        Some("root"),
    )
    .await
    .expect("reporter");
    let li = s.find_user("li").await.expect("find").expect("li");
    let session = s.create_session(li.id, 3600).await.expect("session");
    let token = s.create_api_token("li", "", None).await.expect("token");

    let off = s
        .set_user_disabled("li", true, Some("root"))
        .await
        .expect("disable");
    assert!(off.disabled);
    assert_eq!(off.units, ["市统计局"]);
    assert!(s.lookup_session(&session).await.expect("lookup").is_none());
    assert!(s.lookup_api_token(&token).await.expect("lookup").is_none());
    assert_eq!(
        s.verify_password("li", "li-password")
            .await
            .expect("verify"),
        planwatch_store::Login::Disabled
    );
    // Again: nothing changes, nothing is audited.
    assert!(
        s.set_user_disabled("li", true, Some("root"))
            .await
            .expect("again")
            .disabled
    );
    let on = s
        .set_user_disabled("li", false, Some("root"))
        .await
        .expect("enable");
    assert!(!on.disabled);
    assert!(matches!(
        s.verify_password("li", "li-password")
            .await
            .expect("verify"),
        planwatch_store::Login::Ok(_)
    ));
    assert!(s.lookup_api_token(&token).await.expect("lookup").is_some());
    assert!(matches!(
        s.set_user_disabled("nobody", true, None).await,
        Err(StoreError::NoSuchUser(_))
    ));
    let trail = audit_trail(s).await;
    let changes: Vec<&str> = trail
        .iter()
        .map(String::as_str)
        .filter(|l| l.starts_with("user.disable") || l.starts_with("user.enable"))
        .collect();
    assert_eq!(changes, ["user.disable user:li", "user.enable user:li"]);
    let entries = s.audit_entries(10).await.expect("audit");
    let disable = entries
        .iter()
        .find(|e| e.action == "user.disable")
        .expect("the disabling is audited");
    assert_eq!(disable.actor.as_deref(), Some("root"));
    assert!(disable
        .before
        .as_deref()
        .is_some_and(|b| b.contains("\"disabled\":false")));
    assert!(disable
        .after
        .as_deref()
        .is_some_and(|a| a.contains("\"disabled\":true")));
    fx.done().await;
}

/// Deputies comment on targets: stored in order, audited, refused from
/// other roles, on achieved values and unknown facts, and when empty.
async fn deputies_comment_on_targets(fx: Fixture) {
    let s = &fx.store;
    let facts = vec![
        fact(
            "plan.txt",
            Kind::Target,
            "地区生产总值",
            2025,
            1000.0,
            "亿元",
            Measure::Level,
        ),
        fact(
            "plan.txt",
            Kind::Actual,
            "地区生产总值",
            2020,
            800.0,
            "亿元",
            Measure::Level,
        ),
    ];
    let PutOutcome::Stored(d) = s
        .put_document(&doc("plan.txt", "a plan"), &facts)
        .await
        .expect("put")
    else {
        panic!("expected a new document")
    };
    let target = FactId::new(d.id.clone(), 0);
    let wang = s
        .add_user("wang", "wang-password", Role::Deputy, &[], None)
        .await
        .expect("deputy");
    let zhao = s
        .add_user("zhao", "zhao-password", Role::Reviewer, &[], None)
        .await
        .expect("reviewer");
    assert!(s.comments(&target).await.expect("none yet").is_empty());

    let first = s
        .add_comment(&target, "  请说明增速放缓的原因。 ", &wang)
        .await
        .expect("comment");
    assert_eq!(first.body, "请说明增速放缓的原因。");
    assert_eq!(first.author, "wang");
    assert_eq!(first.fact_id(), target);
    let second = s
        .add_comment(&target, "建议公开分季度数据。\n谢谢。", &wang)
        .await
        .expect("second comment");
    let list = s.comments(&target).await.expect("comments");
    assert_eq!(list, vec![first.clone(), second.clone()]);
    assert_eq!(
        s.document_comments(&d.id).await.expect("document comments"),
        list
    );

    // Only deputies comment, on targets only, with some text.
    assert!(matches!(
        s.add_comment(&target, "审核人的意见", &zhao).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.add_comment(&FactId::new(d.id.clone(), 1), "实际值", &wang)
            .await,
        Err(StoreError::Unit(_))
    ));
    assert!(matches!(
        s.add_comment(&FactId::new(d.id.clone(), 9), "没有", &wang)
            .await,
        Err(StoreError::NoSuchFact(_))
    ));
    for bad in ["   ", "控制\u{7}字符", &"长".repeat(2001)] {
        assert!(matches!(
            s.add_comment(&target, bad, &wang).await,
            Err(StoreError::Comment(_))
        ));
    }
    assert_eq!(s.comments(&target).await.expect("comments").len(), 2);
    let trail = audit_trail(s).await;
    let added: Vec<&str> = trail
        .iter()
        .map(String::as_str)
        .filter(|l| l.starts_with("comment.add"))
        .collect();
    let subject = format!("comment.add target:{}#0", d.id);
    assert_eq!(added, [subject.as_str(), subject.as_str()]);
    fx.done().await;
}

/// Every stored document is a line of the audit trail (`document.ingest`),
/// with who stored it, its name, revision and fact count; the same content
/// again changes nothing and is not audited, a refused name neither.
async fn stored_documents_are_audited(fx: Fixture) {
    let s = &fx.store;
    let f = |v: f64| {
        vec![fact(
            "plan.txt",
            Kind::Target,
            "地区生产总值",
            2025,
            v,
            "亿元",
            Measure::Level,
        )]
    };
    let first = s
        .ingest(&doc("plan.txt", "v1"), &f(1000.0), SameName::Revise)
        .await
        .expect("ingest")
        .document()
        .clone();
    s.ingest(&doc("plan.txt", "v1"), &f(1000.0), SameName::Revise)
        .await
        .expect("again");
    let refused = s
        .ingest_by("li", &doc("plan.txt", "v2"), &f(1100.0), SameName::Refuse)
        .await;
    assert!(matches!(refused, Err(StoreError::NameTaken { .. })));
    let second = s
        .ingest_by("root", &doc("plan.txt", "v2"), &f(1100.0), SameName::Revise)
        .await
        .expect("revise")
        .document()
        .clone();
    let entries = s.audit_entries(100).await.expect("audit");
    let ingested: Vec<_> = entries
        .iter()
        .rev()
        .filter(|e| e.action == "document.ingest")
        .collect();
    assert_eq!(ingested.len(), 2, "{ingested:?}");
    assert_eq!(ingested[0].subject, format!("document:{}", first.id));
    assert_eq!(ingested[0].actor, None);
    assert_eq!(ingested[1].subject, format!("document:{}", second.id));
    assert_eq!(ingested[1].actor.as_deref(), Some("root"));
    let after: serde_json::Value =
        serde_json::from_str(ingested[1].after.as_deref().unwrap_or("null")).expect("json");
    assert_eq!(after["name"], "plan.txt");
    assert_eq!(after["revision"], 2);
    assert_eq!(after["facts"], 1);
    fx.done().await;
}

/// A plan's reporting calendar: the default (yearly, by 31 March of the
/// next year) until an admin sets one; only an admin may; a quarterly
/// calendar (due the 15th of the month after the quarter) makes a target
/// overdue after its quarter's due day and not before, the due list shows
/// the open quarters with their due dates, and an approved quarter is no
/// longer due. Setting replaces the calendar, audited, deleting nothing.
async fn reporting_calendars_decide_what_is_due(fx: Fixture) {
    use planwatch_store::calendar::end_of_day;
    use planwatch_store::{Deadline, Frequency, NewSubmission, SubmissionInput};
    let s = &fx.store;
    // A one-year plan: its target of 2025 is reported for 2025 only.
    let mut d = doc("q.txt", "a plan of one year");
    d.info.period_start = None;
    d.info.period_end = None;
    let target = fact(
        "q.txt",
        Kind::Target,
        "城镇化率",
        2025,
        60.0,
        "%",
        Measure::Level,
    );
    let PutOutcome::Stored(d) = s.put_document(&d, &[target]).await.expect("put") else {
        panic!("expected a new document")
    };
    let t = FactId::new(d.id.clone(), 0);
    s.add_units(&[NewUnit::named("锦州市统计局")], None)
        .await
        .expect("units");
    s.assign(&t, &names(&["锦州市统计局"]), &[], Some("root"))
        .await
        .expect("assign");
    let root = s
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    let li = s
        .add_user(
            "li",
            "li-password",
            Role::Reporter,
            &names(&["锦州市统计局"]),
            None,
        )
        .await
        .expect("reporter");
    let zhao = s
        .add_user("zhao", "zhao-password", Role::Reviewer, &[], None)
        .await
        .expect("reviewer");
    // The end of a day in Beijing, less a second: still that day.
    let on = |m: i64, day: i64| end_of_day(2025, m, day).expect("a date") - 1;

    // The default: yearly, 2025's value due 31 March 2026.
    let cal = s.calendar(&d.id).await.expect("calendar");
    assert_eq!(cal.deadlines, vec![Deadline::DEFAULT]);
    assert_eq!(cal.set_by, None);
    assert!(s.overdue(on(4, 16)).await.expect("overdue").is_empty());
    let due = s.due_targets(&li, on(4, 16)).await.expect("due");
    assert_eq!(due.len(), 1);
    let open: Vec<_> = due[0]
        .periods
        .iter()
        .map(|p| (p.label_zh(), p.due_date.clone()))
        .collect();
    assert_eq!(open, [("2025年".to_string(), "2026年3月31日".to_string())]);
    assert_eq!(
        s.overdue(on(12, 31) + 91 * 86_400)
            .await
            .expect("overdue")
            .len(),
        1
    );

    // Only an admin sets a calendar.
    let quarterly = Deadline {
        frequency: Frequency::Quarterly,
        due_months: 1,
        due_day: 15,
    };
    for who in [&li, &zhao] {
        assert!(
            matches!(
                s.set_calendar(&d.id, &[quarterly], who).await,
                Err(StoreError::Forbidden(_))
            ),
            "{}",
            who.name
        );
    }
    for bad in [
        vec![],
        vec![quarterly, quarterly],
        vec![Deadline {
            due_day: 32,
            ..quarterly
        }],
        vec![Deadline {
            due_months: 13,
            ..quarterly
        }],
    ] {
        assert!(
            matches!(
                s.set_calendar(&d.id, &bad, &root).await,
                Err(StoreError::Calendar(_))
            ),
            "{bad:?}"
        );
    }
    assert!(matches!(
        s.set_calendar("no-such-document", &[quarterly], &root)
            .await,
        Err(StoreError::NoSuchDocument(_))
    ));
    let set = s
        .set_calendar(&d.id, &[quarterly], &root)
        .await
        .expect("set");
    assert_eq!(s.calendar(&d.id).await.expect("calendar"), set);
    assert_eq!(set.set_by.as_deref(), Some("root"));

    // Quarterly: Q1 2025 is due by the end of 15 April 2025.
    assert!(s.overdue(on(4, 15)).await.expect("overdue").is_empty());
    let late = s.overdue(on(4, 16)).await.expect("overdue");
    assert_eq!(late.len(), 1);
    let periods: Vec<String> = late[0].periods.iter().map(|p| p.label_zh()).collect();
    assert_eq!(periods, ["2025年第1季度"]);
    assert_eq!(late[0].periods[0].due_date, "2025年4月15日");
    assert_eq!(late[0].due, end_of_day(2025, 4, 15).expect("date"));
    let due = s.due_targets(&li, on(4, 16)).await.expect("due");
    let open: Vec<_> = due[0]
        .periods
        .iter()
        .map(|p| (p.label_zh(), p.due_date.clone()))
        .collect();
    assert_eq!(
        open,
        [
            ("2025年第1季度".to_string(), "2025年4月15日".to_string()),
            ("2025年第2季度".to_string(), "2025年7月15日".to_string()),
        ]
    );
    // Before the quarter begins nothing of it is open.
    assert!(s
        .due_targets(&li, on(3, 31) - 86_400 * 90)
        .await
        .expect("due")[0]
        .periods
        .is_empty());

    // An approved Q1 value: no longer overdue, no longer open.
    let q1 = s
        .create_submission(
            &NewSubmission {
                fact: t.clone(),
                unit: "锦州市统计局".into(),
                input: SubmissionInput {
                    year: 2025,
                    quarter: Some(1),
                    month: None,
                    value: 58.0,
                    measure_unit: Some("%".into()),
                    narrative: "一季度".into(),
                },
            },
            &li,
        )
        .await
        .expect("draft");
    s.submit_submission(q1.id, &li, q1.version, None)
        .await
        .expect("submit");
    s.approve_submission(q1.id, &zhao, None)
        .await
        .expect("approve");
    assert!(s.overdue(on(4, 16)).await.expect("overdue").is_empty());
    let due = s.due_targets(&li, on(4, 16)).await.expect("due");
    assert_eq!(due[0].periods.len(), 1);
    assert_eq!(due[0].periods[0].label_zh(), "2025年第2季度");

    // Replaced whole, and audited with before and after.
    let monthly = Deadline {
        frequency: Frequency::Monthly,
        due_months: 1,
        due_day: 10,
    };
    let set = s
        .set_calendar(&d.id, &[Deadline::DEFAULT, monthly], &root)
        .await
        .expect("set again");
    assert_eq!(set.deadlines, vec![monthly, Deadline::DEFAULT]);
    let entries = s.audit_entries(100).await.expect("audit");
    let lines: Vec<_> = entries
        .iter()
        .filter(|e| e.action == "calendar.set")
        .collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines
        .iter()
        .all(|e| e.subject == format!("document:{}", d.id)));
    assert!(lines
        .iter()
        .any(|e| e.before.as_deref().is_some_and(|b| b.contains("quarterly"))));
    fx.done().await;
}

/// Evidence files: a reporter of the unit attaches files to a draft (the
/// type read from the content, a size cap, a name that agrees with it);
/// reviewers read them byte for byte, a reporter of another unit finds none,
/// a deputy is refused; a withdrawn file stays, marked; a submitted value
/// takes no more files. Every change is audited.
async fn evidence_files_are_attached_read_and_withdrawn(fx: Fixture) {
    use planwatch_store::evidence::MAX_EVIDENCE_BYTES;
    use planwatch_store::{NewSubmission, SubmissionInput};
    let s = &fx.store;
    let target = fact(
        "e.txt",
        Kind::Target,
        "城镇化率",
        2025,
        60.0,
        "%",
        Measure::Level,
    );
    let PutOutcome::Stored(d) = s
        .put_document(&doc("e.txt", "a plan"), &[target])
        .await
        .expect("put")
    else {
        panic!("expected a new document")
    };
    let t = FactId::new(d.id.clone(), 0);
    s.add_units(
        &[NewUnit::named("锦州市统计局"), NewUnit::named("市水务局")],
        None,
    )
    .await
    .expect("units");
    s.assign(&t, &names(&["锦州市统计局"]), &[], Some("root"))
        .await
        .expect("assign");
    let user = |name: &'static str, role: Role, units: &'static [&'static str]| async move {
        s.add_user(name, "a-long-password", role, &names(units), None)
            .await
            .expect("user")
    };
    let li = user("li", Role::Reporter, &["锦州市统计局"]).await;
    let wu = user("wu", Role::Reporter, &["市水务局"]).await;
    let zhao = user("zhao", Role::Reviewer, &[]).await;
    let wang = user("wang", Role::Deputy, &[]).await;
    let sub = s
        .create_submission(
            &NewSubmission {
                fact: t.clone(),
                unit: "锦州市统计局".into(),
                input: SubmissionInput {
                    year: 2024,
                    quarter: None,
                    month: None,
                    value: 58.0,
                    measure_unit: None,
                    narrative: String::new(),
                },
            },
            &li,
        )
        .await
        .expect("draft");

    // A PDF with every byte value in it, NUL included, comes back the same.
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.extend((0..=255u8).cycle().take(5000));
    let e = s
        .attach_evidence(sub.id, "C:\\扫描件\\统计表.pdf", &pdf, &li)
        .await
        .expect("attach");
    assert_eq!(
        (e.name.as_str(), e.content_type.as_str()),
        ("统计表.pdf", "application/pdf")
    );
    let (read, bytes) = s.evidence_file(e.id, &zhao).await.expect("reviewer reads");
    assert_eq!(read, e);
    assert_eq!(bytes, pdf);
    let (_, mine) = s.evidence_file(e.id, &li).await.expect("reporter reads");
    assert_eq!(mine, pdf);

    // Another unit's reporter finds nothing by id; a deputy is refused.
    assert!(matches!(
        s.evidence_file(e.id, &wu).await,
        Err(StoreError::NoSuchEvidence(_))
    ));
    assert!(matches!(
        s.evidence_of(sub.id, &wu).await,
        Err(StoreError::NoSuchSubmission(_))
    ));
    assert!(matches!(
        s.attach_evidence(sub.id, "x.pdf", &pdf, &wu).await,
        Err(StoreError::NoSuchSubmission(_))
    ));
    assert!(matches!(
        s.withdraw_evidence(e.id, &wu).await,
        Err(StoreError::NoSuchEvidence(_))
    ));
    assert!(matches!(
        s.evidence_file(e.id, &wang).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.attach_evidence(sub.id, "x.pdf", &pdf, &zhao).await,
        Err(StoreError::Forbidden(_))
    ));

    // Types by content: HTML and SVG are refused whatever their name, a
    // PNG named .html too, an empty or too large file as well.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let too_big = {
        let mut v = b"%PDF-1.4\n".to_vec();
        v.resize(MAX_EVIDENCE_BYTES + 1, b' ');
        v
    };
    for (name, bytes) in [
        ("a.pdf", b"<html><script>alert(1)</script></html>".to_vec()),
        (
            "a.png",
            b"<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".to_vec(),
        ),
        ("a.html", png.clone()),
        ("a.pdf", Vec::new()),
        ("big.pdf", too_big),
    ] {
        assert!(
            matches!(
                s.attach_evidence(sub.id, name, &bytes, &li).await,
                Err(StoreError::Evidence(_))
            ),
            "{name}"
        );
    }
    // The same content twice is one stored blob, two records.
    let p1 = s
        .attach_evidence(sub.id, "照片", &png, &li)
        .await
        .expect("png");
    assert_eq!(p1.name, "照片.png");
    let p2 = s
        .attach_evidence(sub.id, "again.png", &png, &li)
        .await
        .expect("png again");
    assert_eq!(p1.sha256, p2.sha256);

    // Withdrawn, not deleted; withdrawn once only.
    let w = s.withdraw_evidence(p2.id, &li).await.expect("withdraw");
    assert_eq!(w.withdrawn_by.as_deref(), Some("li"));
    assert!(matches!(
        s.withdraw_evidence(p2.id, &li).await,
        Err(StoreError::Evidence(_))
    ));
    let list = s.evidence_of(sub.id, &zhao).await.expect("list");
    assert_eq!(list.len(), 3);
    assert_eq!(list.iter().filter(|e| e.active()).count(), 2);
    assert!(s.evidence_file(p2.id, &zhao).await.is_ok());

    // Submitted: no more files, none withdrawn.
    s.submit_submission(sub.id, &li, sub.version, None)
        .await
        .expect("submit");
    assert!(matches!(
        s.attach_evidence(sub.id, "late.pdf", &pdf, &li).await,
        Err(StoreError::Submission(_))
    ));
    assert!(matches!(
        s.withdraw_evidence(e.id, &li).await,
        Err(StoreError::Submission(_))
    ));
    let audit = audit_trail(s).await;
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.starts_with("evidence.add"))
            .count(),
        3,
        "{audit:?}"
    );
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.starts_with("evidence.withdraw"))
            .count(),
        1
    );
    fx.done().await;
}

macro_rules! suite {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $( #[tokio::test] async fn $name() { super::$name(super::sqlite().await).await } )*
        }
        mod postgres {
            $( #[tokio::test] async fn $name() {
                if let Some(fx) = super::postgres(stringify!($name)).await { super::$name(fx).await }
            } )*
        }
    };
}

suite!(
    round_trip,
    same_content_once_and_revisions_kept,
    ingest_refuses_or_revises_a_taken_name,
    an_abandoned_document_leaves_nothing,
    contradiction_and_synonym_series_through_the_store,
    the_index_catches_up_with_the_store,
    units_and_assignments,
    submissions_are_reported_reviewed_and_become_actuals,
    users_are_disabled_and_enabled,
    deputies_comment_on_targets,
    stored_documents_are_audited,
    reporting_calendars_decide_what_is_due,
    evidence_files_are_attached_read_and_withdrawn
);

#[tokio::test]
async fn sqlite_killed_ingest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("crash.db").display().to_string();
    let store = Store::open(&path).await.expect("open");
    let fx = Fixture {
        store,
        _dir: Some(dir),
        pg: None,
    };
    a_killed_ingest_leaves_no_partial_document(fx, path).await;
}

#[tokio::test]
async fn postgres_killed_ingest() {
    let Some(fx) = postgres("killed_ingest").await else {
        return;
    };
    let url = fx.pg.as_ref().map(|(_, u)| u.clone()).unwrap_or_default();
    a_killed_ingest_leaves_no_partial_document(fx, url).await;
}

#[tokio::test]
async fn in_memory_store_works() {
    let s = Store::in_memory().await.expect("memory");
    s.put_document(
        &doc("m.txt", "m"),
        &[fact(
            "m.txt",
            Kind::Actual,
            "GDP",
            2020,
            1.0,
            "亿元",
            Measure::Level,
        )],
    )
    .await
    .expect("put");
    assert_eq!(s.counts().await.expect("counts").facts, 1);
}

#[test]
fn the_index_finds_text_and_facts_and_replaces_revisions() {
    use planwatch_store::{SearchFilter, SearchIndex, StoredDocument};
    let index = SearchIndex::in_ram().expect("index");
    let stored = |name: &str, id: &str, region: &str, revision: i64| StoredDocument {
        id: id.into(),
        name: name.into(),
        revision,
        origin: "document".into(),
        path: None,
        format: Some("text".into()),
        info: DocumentInfo {
            region: Some(region.into()),
            ..info("规划")
        },
        fact_count: 0,
        seq: revision,
        ingested_at: 0,
        current: true,
    };
    let text = "第二章 发展目标\n研究与试验发展经费投入强度达到2%。\n森林覆盖率达到21%。\n";
    let gdp = fact(
        "a.txt",
        Kind::Target,
        "地区生产总值",
        2020,
        1900.0,
        "亿元",
        Measure::Level,
    );
    index
        .add(&[
            (
                stored("a.txt", "a1", "锦州市", 1),
                text.to_string(),
                vec![gdp],
            ),
            (
                stored("b.txt", "b1", "葫芦岛市", 1),
                "森林覆盖率达到36.65%。\n".to_string(),
                vec![],
            ),
        ])
        .expect("add");
    let all = SearchFilter::default();
    let hits = index
        .search(&["研究与试验发展经费投入强度".into()], &all, 10)
        .expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].section.as_deref(), Some("第二章 发展目标"));
    assert_eq!(hits[0].line, Some(2));
    assert!(
        hits[0].marked("[", "]").contains("[研究与试验发展"),
        "{}",
        hits[0].marked("[", "]")
    );
    let facts = index
        .search(&["地区生产总值".into()], &all, 10)
        .expect("facts");
    assert_eq!(facts.first().map(|h| h.kind.as_str()), Some("fact"));
    let jinzhou = SearchFilter {
        region: Some("锦州".into()),
        doc_type: None,
    };
    assert_eq!(
        index
            .search(&["森林覆盖率".into()], &all, 10)
            .expect("s")
            .len(),
        2
    );
    assert_eq!(
        index
            .search(&["森林覆盖率".into()], &jinzhou, 10)
            .expect("s")
            .len(),
        1
    );
    // A new revision replaces the old one's entries.
    index
        .add(&[(
            stored("a.txt", "a2", "锦州市", 2),
            "人均预期寿命达到80岁。\n".to_string(),
            vec![],
        )])
        .expect("revise");
    assert!(index
        .search(&["研究与试验发展经费投入强度".into()], &all, 10)
        .expect("s")
        .is_empty());
    assert_eq!(
        index
            .search(&["人均预期寿命".into()], &all, 10)
            .expect("s")
            .len(),
        1
    );
}

/// Stores eight documents at once under one name (new content each) and the same
/// content eight times at once, through `handles` (one shared handle or one each).
async fn concurrent_writers_take_turns(handles: Vec<Store>) {
    assert_eq!(handles.len(), 8);
    let mut tasks = Vec::new();
    for (i, s) in handles.iter().cloned().enumerate() {
        tasks.push(tokio::spawn(async move {
            let f = fact(
                "same.txt",
                Kind::Target,
                "地区生产总值",
                2020,
                i as f64,
                "亿元",
                Measure::Level,
            );
            let new = s
                .put_document(
                    &doc("same.txt", &format!("version {i}")),
                    std::slice::from_ref(&f),
                )
                .await
                .expect("concurrent put");
            let shared = s
                .put_document(&doc("shared.txt", "one content"), &[f])
                .await
                .expect("concurrent put of one content");
            (new, shared)
        }));
    }
    let mut revisions = Vec::new();
    let mut seqs = Vec::new();
    let mut stored_shared = 0;
    for t in tasks {
        let (new, shared) = t.await.expect("task");
        let PutOutcome::Stored(d) = new else {
            panic!("new content must be stored")
        };
        revisions.push(d.revision);
        seqs.push(d.seq);
        if let PutOutcome::Stored(d) = shared {
            stored_shared += 1;
            seqs.push(d.seq);
        }
    }
    revisions.sort_unstable();
    assert_eq!(revisions, (1..=8).collect::<Vec<i64>>());
    assert_eq!(stored_shared, 1, "one content is stored once");
    seqs.sort_unstable();
    assert_eq!(
        seqs,
        (1..=9).collect::<Vec<i64>>(),
        "sequence numbers unique and dense"
    );
    let s = &handles[0];
    let c = s.counts().await.expect("counts");
    assert_eq!((c.documents, c.revisions, c.facts), (2, 9, 9));
    assert!(s.incomplete_documents().await.expect("check").is_empty());
    for h in &handles {
        h.close().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_concurrent_writers_on_one_handle() {
    let fx = sqlite().await;
    concurrent_writers_take_turns(vec![fx.store.clone(); 8]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sqlite_concurrent_writers_on_own_handles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.db").display().to_string();
    // Opened at once too: the first open of a new file migrates it while the others wait.
    let opens: Vec<_> = (0..8)
        .map(|_| {
            let p = path.clone();
            tokio::spawn(async move { Store::open(&p).await.expect("concurrent open") })
        })
        .collect();
    let mut handles = Vec::new();
    for o in opens {
        handles.push(o.await.expect("task"));
    }
    concurrent_writers_take_turns(handles).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn postgres_concurrent_writers_on_own_handles() {
    let Some(fx) = postgres("concurrent_writers").await else {
        return;
    };
    let url = fx.pg.as_ref().map(|(_, u)| u.clone()).unwrap_or_default();
    let mut handles = vec![fx.store.clone()];
    for _ in 1..8 {
        handles.push(Store::open(&url).await.expect("open postgres"));
    }
    concurrent_writers_take_turns(handles).await;
    fx.done().await;
}

/// A document committed to the store but never indexed (the process died in
/// between) is indexed by the next catch-up; later ones incrementally.
async fn the_index_catches_up_with_the_store(fx: Fixture) {
    use planwatch_store::{SearchFilter, SearchIndex};
    let s = &fx.store;
    let dir = tempfile::tempdir().expect("tempdir");
    let all = SearchFilter::default();
    let find = |index: &SearchIndex, q: &str| {
        index
            .search(&[q.to_string()], &all, 10)
            .expect("search")
            .len()
    };
    s.put_document(&doc("a.txt", "森林覆盖率达到21%。\n"), &[])
        .await
        .expect("put a");
    {
        let index = SearchIndex::open(dir.path()).expect("open index");
        let done = index.catch_up(s).await.expect("first catch-up");
        assert!(done.rebuilt, "no watermark yet: rebuilt");
        assert_eq!((done.indexed, done.watermark), (1, 1));
    }
    // Committed, then "killed" before the index write.
    s.put_document(&doc("b.txt", "人均预期寿命达到80岁。\n"), &[])
        .await
        .expect("put b");
    s.put_document(&doc("a.txt", "城镇化率达到60%。\n"), &[])
        .await
        .expect("put a, revision 2");
    let index = SearchIndex::open(dir.path()).expect("reopen index");
    assert_eq!(index.watermark().expect("watermark"), Some(1));
    assert_eq!(find(&index, "人均预期寿命"), 0);
    let done = index.catch_up(s).await.expect("catch-up");
    assert!(!done.rebuilt, "incremental");
    assert_eq!((done.indexed, done.watermark), (2, 3));
    assert_eq!(find(&index, "人均预期寿命"), 1);
    assert_eq!(find(&index, "城镇化率"), 1);
    assert_eq!(
        find(&index, "森林覆盖率"),
        0,
        "the old revision is replaced"
    );
    // Nothing new: nothing done.
    let again = index.catch_up(s).await.expect("idle catch-up");
    assert_eq!(
        (again.indexed, again.rebuilt, again.watermark),
        (0, false, 3)
    );
    fx.done().await;
}

#[tokio::test]
async fn an_index_ahead_of_its_store_or_without_a_watermark_is_rebuilt() {
    use planwatch_store::{SearchFilter, SearchIndex};
    let fx = sqlite().await;
    let s = &fx.store;
    let stored = s
        .put_document(&doc("a.txt", "森林覆盖率达到21%。\n"), &[])
        .await
        .expect("put");
    let index = SearchIndex::in_ram().expect("ram");
    // Watermark 5 > the store's last document (1): an index of some other store.
    let mut foreign = stored.document().clone();
    foreign.name = "foreign.txt".into();
    foreign.seq = 5;
    index
        .rebuild(&[(foreign, "人均预期寿命达到80岁。\n".into(), vec![])])
        .expect("rebuild");
    assert_eq!(index.watermark().expect("watermark"), Some(5));
    let done = index.catch_up(s).await.expect("catch-up");
    assert!(done.rebuilt);
    assert_eq!(done.watermark, 1);
    let all = SearchFilter::default();
    assert!(index
        .search(&["人均预期寿命".into()], &all, 10)
        .expect("s")
        .is_empty());
    // `add` of documents that are not the next ones keeps the watermark.
    let mut later = stored.document().clone();
    later.name = "later.txt".into();
    later.seq = 3;
    index
        .add(&[(later.clone(), "城镇化率\n".into(), vec![])])
        .expect("add");
    assert_eq!(index.watermark().expect("watermark"), Some(1));
    // The next ones in order move it.
    let mut next = later;
    next.seq = 2;
    index
        .add(&[(next, "城镇化率\n".into(), vec![])])
        .expect("add");
    assert_eq!(index.watermark().expect("watermark"), Some(2));
    fx.done().await;
}
