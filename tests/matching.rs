//! Matching a résumé against a posting through broader technologies
//! (`lexicons/cues/implies.toml`): what a résumé names shows what it is a kind or a part of.

use jdtag::Tagger;

fn tagger() -> Tagger {
    Tagger::builder().as_of(2026, 11).build().unwrap()
}

fn resume(skills_line: &str) -> String {
    format!(
        "Jane Doe\njane@example.com\n\nExperience\n\nSenior Engineer, Acme Corp\nJan 2019 - Present\n- {skills_line}\n"
    )
}

/// What the résumé names, what the posting asks, what is met through [(id, by)], what is missing.
type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a [&'a str])], &'a [&'a str]);

#[test]
fn broader_technologies_are_met_through_narrower_ones() {
    let cases: &[Case] = &[
        (
            "Built services on Amazon EKS and EC2.",
            "AWS and Kubernetes",
            &[
                ("aws", &["amazon-eks", "amazon-ec2"]),
                ("kubernetes", &["amazon-eks"]),
            ],
            &[],
        ),
        (
            "Stored events in MongoDB and Redis.",
            "NoSQL databases",
            &[("nosql", &["mongodb", "redis"])],
            &[],
        ),
        (
            "Wrote Django and pandas code.",
            "Python",
            &[("python", &["django", "pandas"])],
            &[],
        ),
        (
            "Shipped a Next.js storefront.",
            "React and JavaScript",
            &[("react", &["nextjs"]), ("javascript", &["nextjs"])],
            &[],
        ),
        (
            "Ran Azure Functions and Cosmos DB.",
            "Azure",
            &[("azure", &["azure-functions", "azure-cosmos-db"])],
            &[],
        ),
        (
            "Queried BigQuery and Cloud Spanner.",
            "GCP",
            &[("gcp", &["google-bigquery", "google-cloud-spanner"])],
            &[],
        ),
        (
            "Tuned PostgreSQL queries.",
            "SQL",
            &[("sql", &["postgresql"])],
            &[],
        ),
        (
            "Built Spring Boot services.",
            "Java",
            &[("java", &["spring-boot"])],
            &[],
        ),
        (
            "Administered Ubuntu servers.",
            "Linux",
            &[("linux", &["ubuntu"])],
            &[],
        ),
        // Not the other way: a broad name does not show a narrow one.
        ("Worked on AWS.", "Amazon EKS", &[], &["amazon-eks"]),
        ("Knows Python well.", "Django", &[], &["django"]),
        ("Used SQL daily.", "PostgreSQL", &[], &["postgresql"]),
        // Nor across platforms or languages.
        ("Ran Azure Functions.", "AWS", &[], &["aws"]),
        ("Built Django apps.", "Java", &[], &["java"]),
        ("Used Kubernetes.", "AWS", &[], &["aws"]),
    ];
    let t = tagger();
    for &(names, asks, through, missing) in cases {
        let posting = format!("Requirements\n- {asks}\n");
        let report = t.match_docs(&resume(names), &posting);
        let got: Vec<(&str, Vec<&str>)> = report
            .required
            .met_through
            .iter()
            .map(|m| (m.id.as_str(), m.by.iter().map(String::as_str).collect()))
            .collect();
        let want: Vec<(&str, Vec<&str>)> = through.iter().map(|(id, by)| (*id, by.to_vec())).collect();
        assert_eq!(got, want, "{names} / {asks}");
        assert_eq!(report.required.missing, missing, "{names} / {asks}");
        assert!(
            report.required.met.is_empty(),
            "{names} / {asks}: {:?}",
            report.required.met
        );
    }
}

#[test]
fn met_through_counts_in_the_share_and_lends_its_years() {
    let t = tagger();
    let report = t.match_docs(
        &resume("Ran Amazon EKS clusters."),
        "Requirements\n- 5+ years of AWS\n- Terraform\n",
    );
    // AWS met through EKS, Terraform missing: half the required technologies.
    assert_eq!(report.parts["required_skills"].value, 0.5);
    // The years asked of AWS are shown by EKS's months (Jan 2019 to Nov 2026: 7.9 years).
    let aws = report
        .years
        .iter()
        .find(|y| y.skill.as_deref() == Some("aws"))
        .unwrap();
    assert!(aws.met, "{aws:?}");
    assert!(aws.shown.unwrap() > 7.0, "{aws:?}");
    // A broader name the posting asks alongside its alternative: the alternative is met too.
    let report = t.match_docs(
        &resume("Ran Amazon EKS clusters."),
        "Requirements\n- AWS or GCP\n",
    );
    assert_eq!(report.required.met_through[0].id, "aws");
    assert_eq!(report.required.met_by_alternative, ["gcp"]);
}
