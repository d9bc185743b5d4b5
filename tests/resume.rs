//! Résumés: kind detection, positions, total and per-skill months, contacts and redaction,
//! matching against a posting — through the library and the real binary. Whole-document
//! snapshots of `fixtures/resumes/` pin everything together (with a fixed as-of month).

mod common;

use common::run;
use jdtag::{DocKind, Tagger};

const RESUME: &str = "Jane Doe
jane.doe@example.com | +1 (555) 010-0199 | linkedin.com/in/janedoe | github.com/janedoe

Professional Experience

Senior Backend Engineer, Acme Payments Inc
Jan 2019 - Present
- Built Go services on Kubernetes with PostgreSQL and Kafka.

Software Engineer, Globex Corp
Jun 2015 - Dec 2018
- Java and Spring Boot services; Docker; PostgreSQL.

Software Engineering Intern, Initech
Jun 2014 - Aug 2014
- Python scripts.

Education
B.Sc. in Computer Science, State University, 2015
";

fn tagger() -> Tagger {
    Tagger::builder().as_of(2026, 11).build().unwrap()
}

#[test]
fn a_resume_is_told_from_a_posting() {
    let t = tagger();
    assert_eq!(t.tag(RESUME).kind, "resume");
    let posting = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/postings/backend-go.md"
    ))
    .unwrap();
    assert_eq!(t.tag(&posting).kind, "posting");
    let forced = Tagger::builder().kind(DocKind::Resume).build().unwrap();
    assert_eq!(forced.tag("Go and Python").kind, "resume");
}

#[test]
fn positions_months_and_total_experience() {
    let tags = tagger().tag(RESUME);
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        bool,
        Option<u32>,
        bool,
    );
    let got: Vec<Row> = tags
        .positions
        .iter()
        .map(|p| {
            (
                p.title.as_ref().map(|t| t.text.as_str()),
                p.company.as_ref().map(|c| c.text.as_str()),
                p.start.as_deref(),
                p.current,
                p.months,
                p.internship,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Senior Backend Engineer"),
                Some("Acme Payments Inc"),
                Some("2019-01"),
                true,
                Some(95),
                false
            ),
            (
                Some("Software Engineer"),
                Some("Globex Corp"),
                Some("2015-06"),
                false,
                Some(43),
                false
            ),
            (
                Some("Software Engineering Intern"),
                Some("Initech"),
                Some("2014-06"),
                false,
                Some(3),
                true
            ),
        ]
    );
    // Overlaps once, the internship left out.
    assert_eq!(tags.total_experience_months, Some(95 + 43));
    assert_eq!(
        tags.positions[0].skills,
        ["go", "kubernetes", "postgresql", "kafka"]
    );
    let pg = tags.skill("postgresql").unwrap();
    assert_eq!((pg.months, pg.last_used.as_deref()), (Some(138), Some("2026-11")));
    let java = tags.skill("java").unwrap();
    assert_eq!(
        (java.months, java.last_used.as_deref()),
        (Some(43), Some("2018-12"))
    );
    // The internship counts for its skill, not for the total.
    assert_eq!(tags.skill("python").unwrap().months, Some(3));
    assert_eq!(tags.seniority.as_ref().unwrap().level, "senior");
    assert!(
        tags.skills
            .iter()
            .flat_map(|s| &s.mentions)
            .all(|m| m.requirement == jdtag::Requirement::Mentioned)
    );
}

#[test]
fn contacts_and_redaction() {
    let tags = tagger().tag(RESUME);
    let kinds: Vec<(&str, &str)> = tags
        .contacts
        .iter()
        .map(|c| (c.kind.as_str(), c.value.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("email", "jane.doe@example.com"),
            ("phone", "+1 (555) 010-0199"),
            ("linkedin", "linkedin.com/in/janedoe"),
            ("github", "github.com/janedoe")
        ]
    );
    let redacted = Tagger::builder()
        .redact(true)
        .as_of(2026, 11)
        .build()
        .unwrap()
        .tag(RESUME);
    let json = serde_json::to_string(&redacted).unwrap();
    for secret in [
        "jane.doe@example.com",
        "010-0199",
        "linkedin.com/in/janedoe",
        "github.com/janedoe",
    ] {
        assert!(!json.contains(secret), "{secret} printed");
    }
    assert_eq!(redacted.contacts[0].value, "[email]");
    let out = run(&["--redact", "--kind", "resume"], RESUME.as_bytes());
    assert!(!String::from_utf8_lossy(&out.stdout).contains("jane.doe@example.com"));
}

#[test]
fn a_resumes_level_is_its_latest_begun_position_in_either_order() {
    let t = Tagger::builder()
        .as_of(2026, 11)
        .kind(DocKind::Resume)
        .build()
        .unwrap();
    let newest_first = "EXPERIENCE\n\
        Lead Structural Engineer, Arup, 2017 – Present\nLed a team of six engineers.\n\
        Structural Engineer, BuildCo, 1999 – 2017\nDesigned steel frames.\n\
        Junior Draftsman, Acme Steel, 1995 – 1999\nDrew shop drawings.\n";
    let oldest_first = "EXPERIENCE\n\
        Junior Draftsman, Acme Steel, 1995 – 1999\nDrew shop drawings.\n\
        Structural Engineer, BuildCo, 1999 – 2017\nDesigned steel frames.\n\
        Lead Structural Engineer, Arup, 2017 – Present\nLed a team of six engineers.\n";
    for text in [newest_first, oldest_first] {
        let tags = t.tag(text);
        assert_eq!(tags.positions.len(), 3, "{text}");
        let level = tags.seniority.as_ref().unwrap();
        assert_eq!(
            (level.level.as_str(), level.basis.as_str()),
            ("lead", "title"),
            "{text}"
        );
    }
}

#[test]
fn present_counts_to_the_as_of_month() {
    let a = Tagger::builder().as_of(2020, 1).build().unwrap().tag(RESUME);
    assert_eq!(a.positions[0].months, Some(13));
    let out = run(&["--as-of", "2020-01"], RESUME.as_bytes());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["positions"][0]["months"], 13);
    let bad = run(&["--as-of", "2020-13"], RESUME.as_bytes());
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn matching_explains_its_score() {
    let posting = "Senior Backend Engineer\nRequirements\n- 5+ years of experience\n- 3+ years of Go\n- Postgres and Kubernetes\n- Terraform\nNice to have\n- Kafka\n- Rust";
    let report = tagger().match_docs(RESUME, posting);
    assert_eq!(report.required.met, ["go", "postgresql", "kubernetes"]);
    assert_eq!(report.required.missing, ["terraform"]);
    assert_eq!(report.preferred.met, ["kafka"]);
    assert_eq!(report.preferred.missing, ["rust"]);
    let go = &report.years[0];
    assert_eq!((go.skill.as_deref(), go.asked, go.met), (Some("go"), 3.0, true));
    assert!(report.total_years.as_ref().unwrap().met);
    assert!(report.seniority.as_ref().unwrap().met);
    // 0.45 * 3/4 + 0.15 * 1/2 + 0.15 + 0.10 + 0.10, over 0.95.
    assert_eq!(
        report.score,
        ((0.45 * 0.75 + 0.15 * 0.5 + 0.15 + 0.10 + 0.10) / 0.95 * 1000.0f64).round() / 1000.0
    );
}

#[test]
fn alternatives_count_once_and_are_met_by_either() {
    // The résumé names Go, PostgreSQL, Kafka, Java, Docker, Kubernetes; not Rust, MySQL,
    // RabbitMQ, Terraform.
    let posting = "Requirements\n- 3+ years of Go or Rust\n- PostgreSQL or MySQL\n- Terraform\nNice to have\n- RabbitMQ or Kafka";
    let report = tagger().match_docs(RESUME, posting);
    assert_eq!(report.required.met, ["go", "postgresql"]);
    assert_eq!(report.required.met_by_alternative, ["rust", "mysql"]);
    assert_eq!(report.required.missing, ["terraform"]);
    assert_eq!(report.preferred.met, ["kafka"]);
    assert_eq!(report.preferred.met_by_alternative, ["rabbitmq"]);
    // Three asks (Go or Rust, PostgreSQL or MySQL, Terraform), two met; one preferred, met.
    assert_eq!(report.parts["required_skills"].value, 0.667);
    assert_eq!(report.parts["preferred_skills"].value, 1.0);
    // Years asked of Go and of Rust: the better one (Go, shown) counts.
    assert_eq!(report.years.len(), 2);
    assert_eq!(report.parts["years_per_skill"].value, 1.0);

    // Without the "or", the same names are four asks, each on its own.
    let all = "Requirements\n- 3+ years of Go and Rust\n- PostgreSQL and MySQL\n- Terraform";
    let report = tagger().match_docs(RESUME, all);
    assert!(report.required.met_by_alternative.is_empty());
    assert_eq!(report.required.missing, ["rust", "mysql", "terraform"]);
    assert_eq!(report.parts["required_skills"].value, 0.4);
}

#[test]
fn match_command_prints_the_report() {
    let dir = std::env::temp_dir().join(format!("jdtag-match-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (r, p) = (dir.join("r.txt"), dir.join("p.txt"));
    std::fs::write(&r, RESUME).unwrap();
    std::fs::write(&p, "Requirements\n- Go and Terraform").unwrap();
    let out = run(
        &[
            "match",
            r.to_str().unwrap(),
            p.to_str().unwrap(),
            "--as-of",
            "2026-11",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["required"]["met"], serde_json::json!(["go"]));
    assert_eq!(doc["required"]["missing"], serde_json::json!(["terraform"]));
    assert_eq!(doc["score"], 0.5);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn resume_fixture_snapshots() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/resumes");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 5);
    let t = tagger();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let tags = t.tag(&text);
        assert_eq!(tags.kind, "resume", "{}", p.display());
        insta::assert_json_snapshot!(
            format!("resume-{}", p.file_name().unwrap().to_string_lossy()),
            tags
        );
    }
}

#[test]
fn education_has_school_and_year_in_a_resume() {
    let tags = tagger().tag(RESUME);
    let e = &tags.education[0];
    assert_eq!(e.level, "bachelor");
    assert_eq!(e.fields, ["computer science"]);
    assert_eq!(
        e.institution.as_ref().map(|s| s.text.as_str()),
        Some("State University")
    );
    assert_eq!(e.graduation_year, Some(2015));
    // The span indexes the input.
    let s = e.institution.as_ref().unwrap();
    assert_eq!(&RESUME[s.start..s.end], "State University");
}

#[test]
fn a_skills_section_statement_counts_as_months() {
    let text = format!("{RESUME}\nSkills\nRust (3 years), Terraform – 2 years\n");
    let tags = tagger().tag(&text);
    // Stated only: the statement's months.
    assert_eq!(tags.skill("rust").and_then(|s| s.months), Some(36));
    assert_eq!(tags.skill("terraform").and_then(|s| s.months), Some(24));
    // Positions show more than nothing stated: the positions' months stay.
    assert_eq!(tags.skill("go").and_then(|s| s.months), Some(95));
    // A ceiling ("Less than 1 year", as job boards print skills) states no time spent.
    let text = format!("{RESUME}\nSkills\nKotlin (Less than 1 year), Scala (2 years)\n");
    let tags = tagger().tag(&text);
    let months = |id: &str| tags.skill(id).map(|s| s.months);
    assert_eq!((months("kotlin"), months("scala")), (Some(None), Some(Some(24))));
}

#[test]
fn a_contact_url_names_no_skill() {
    let tags = tagger().tag(RESUME);
    assert!(tags.skill("github").is_none(), "{:?}", tags.skill_ids());
    assert!(
        tagger()
            .tag("Used GitHub Actions and GitHub daily")
            .skill("github")
            .is_some()
    );
}

#[test]
fn spoken_languages_with_levels() {
    let text = format!("{RESUME}\nLanguages\nEnglish (native), German (B2), Japanese – conversational\n");
    let tags = tagger().tag(&text);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = tags
        .languages
        .iter()
        .map(|l| (l.name.as_str(), l.level.as_deref(), l.cefr.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("English", Some("native"), None),
            ("German", Some("intermediate"), Some("B2")),
            ("Japanese", Some("intermediate"), None),
        ]
    );
    assert!(
        tags.languages
            .iter()
            .all(|l| l.requirement == jdtag::Requirement::Mentioned)
    );
}

#[test]
fn a_positions_employer_is_no_skill() {
    let text = "Jane Doe\njane@example.com\n\nWork Experience\n\n\
                Senior Engineer, Sage (2019 – 2023)\n\
                - Built accounting services in C# and .NET on Azure.\n\n\
                Software Developer at Oracle, Jan 2015 - Dec 2018\n\
                - Java and Spring Boot services, Kafka.\n\n\
                Skills\nPython, Oracle, Sage 50, SQL Server 2008, Visual Studio 2010\n";
    let tags = tagger().tag(text);
    let employers: Vec<_> = tags
        .positions
        .iter()
        .map(|p| p.company.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(employers, ["Sage", "Oracle"]);
    // Named as employers, Sage and Oracle are no skills there; in the skills list they are.
    for id in ["oracle-database", "sage"] {
        let skill = tags
            .skill(id)
            .unwrap_or_else(|| panic!("{id} from the skills list"));
        assert!(
            skill
                .mentions
                .iter()
                .all(|m| m.start > text.find("Skills\n").unwrap()),
            "{id} taken from an employer: {:?}",
            skill.mentions
        );
    }
    // A dated line that is no position keeps its technology ("SQL Server 2008").
    for id in ["csharp", "java", "python", "sql-server", "visual-studio"] {
        assert!(tags.skill(id).is_some(), "{id}");
    }
}

#[test]
fn a_degree_named_in_a_work_bullet_is_no_education() {
    let text = "Mary Donovan\nmary@example.com\n\nEMPLOYMENT HISTORY\n\n\
                Head of Mathematics, Riverside Academy\nSep 2019 – Present\n\
                • Lead a department of 11 teachers; GCSE pass rate up from 71% to 84%.\n\
                • Mentored two MBA interns on budgeting.\n\n\
                QUALIFICATIONS\n\
                BSc (Hons) Mathematics, University of Sheffield, 2014\n\
                A-levels: Mathematics, Physics, 2011\n";
    let tags = tagger().tag(text);
    let levels: Vec<_> = tags.education.iter().map(|e| e.level.as_str()).collect();
    assert_eq!(levels, ["bachelor", "high_school"], "{:?}", tags.education);
    // Without a heading for the degrees, a degree line in the work history that is no bullet
    // (a second column, copied from a PDF) still counts.
    let two_columns = "Martina Rossi\nmartina@example.it\n\nEXPERIENCE                  EDUCATION\n\
                       UX Researcher               MSc in Human-Computer Interaction\n\
                       Satispay                    Università di Trento, 2018\n\
                       Mar 2022 – present\n• Interviews, usability testing.\n";
    let tags = tagger().tag(two_columns);
    let levels: Vec<_> = tags.education.iter().map(|e| e.level.as_str()).collect();
    assert_eq!(levels, ["master"], "{:?}", tags.education);
}

#[test]
fn a_school_named_after_its_level_is_no_second_degree() {
    // (résumé, expected levels with school and year).
    let rows: &[(&str, &[&str])] = &[
        // A job at a high school is no degree.
        (
            "Sarah Thompson\n\nPROFESSIONAL EXPERIENCE\n\n\
             Head of Mathematics, Loreto High School, Manchester    Sept 2020 – present\n\
             Teacher of Mathematics, Parrs Wood High School, Manchester    Sept 2015 – Aug 2020\n\n\
             EDUCATION\n\nBSc (Hons) Mathematics, University of Leeds, 2014\n",
            &["bachelor University of Leeds 2014"],
        ),
        // The school under its diploma is that diploma's school.
        (
            "Maria Gonzalez\n\nEducation\n\nHigh school diploma\n\
             Lanier High School - San Antonio, TX\n2012\n",
            &["high_school Lanier High School 2012"],
        ),
        // Two schools, one under the other, are two entries.
        (
            "Education\nLincoln High School, Portland, 2010\nGrant High School, Portland, 2008\n",
            &[
                "high_school Lincoln High School 2010",
                "high_school Grant High School 2008",
            ],
        ),
        // A degree line that opens with the level still counts in the work history.
        (
            "EXPERIENCE\nTutor, Lincoln High School, 2019 – 2020\n\nEDUCATION\nB.A. English, Reed College, 2019\n",
            &["bachelor Reed College 2019"],
        ),
        // A line that is only the diploma's name (capitalised, Indeed) names no school: the
        // school is on the next line, the years under it.
        (
            "Education\n\nHigh School Diploma\nWhetstone High School - Columbus, OH\n2008 to 2012\n",
            &["high_school Whetstone High School 2012"],
        ),
        // The diploma's name, then the school on the same line.
        (
            "EDUCATION\nHigh School Diploma — Forest Lawn High School, 2011\n",
            &["high_school Forest Lawn High School 2011"],
        ),
        // A school whose name opens with a level and no other school on the line keeps it.
        (
            "EDUCATION\nHigh School for the Performing Arts, Houston, 2012\n",
            &["high_school High School for the Performing Arts 2012"],
        ),
        // A sentence's full stop ends the degree before the school and is not the school's.
        (
            "EDUCATION\n2013 - 2014   Máster en Acceso a la Abogacía. Universidad Complutense de Madrid.\n",
            &["master Universidad Complutense de Madrid 2014"],
        ),
        // CRLF line breaks: a degree alone on its line is read as on a LF résumé.
        (
            "EDUCATION\r\nB.Com\r\nUniversity of Delhi\r\n2018\r\n",
            &["bachelor University of Delhi 2018"],
        ),
    ];
    let resumes = Tagger::builder()
        .as_of(2026, 11)
        .kind(DocKind::Resume)
        .build()
        .unwrap();
    for (text, want) in rows {
        let tags = resumes.tag(text);
        let got: Vec<String> = tags
            .education
            .iter()
            .map(|e| {
                format!(
                    "{} {} {}",
                    e.level,
                    e.institution.as_ref().map_or("-", |s| s.text.as_str()),
                    e.graduation_year.unwrap_or(0)
                )
            })
            .collect();
        assert_eq!(got, *want, "{text}");
    }
}
