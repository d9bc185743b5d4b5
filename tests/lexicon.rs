//! The built-in lexicon loads, is large enough, and every entry's examples hold; bad lexicon
//! files are refused with `file:line: why`.

use jdtag::Tagger;
use jdtag::lexicon::{Category, Lexicon};

#[test]
fn builtin_lexicon_loads_and_is_broad() {
    let lex = Lexicon::try_builtin().unwrap_or_else(|e| panic!("built-in lexicon is broken:\n{e}"));
    assert!(lex.len() >= 400, "only {} entries", lex.len());
    let forms: usize = lex.entries().map(|e| e.aliases().count()).sum();
    assert!(forms >= lex.len(), "{forms} surface forms");
}

/// Everything an entry says through the public API, for comparing two lexicons.
fn describe(e: &jdtag::lexicon::Entry) -> String {
    let rules = e
        .rules()
        .map(|r| (r.never(), r.cues(), r.confirm(), r.nearby(), r.window()));
    format!(
        "{} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
        e.id(),
        e.name(),
        e.category(),
        e.forms().collect::<Vec<_>>(),
        e.refs(),
        e.vendor(),
        rules,
        e.examples().collect::<Vec<_>>(),
        e.counter_examples().collect::<Vec<_>>(),
        e.origin(),
    )
}

#[test]
fn builtin_entries_parsed_at_build_time_equal_the_files_parsed_now() {
    // `build.rs` parses the built-in files with the same parser but skips nothing a user file
    // goes through; this run parses and checks them as text, and must find the same entries.
    let from_text =
        Lexicon::builtin_from_text().unwrap_or_else(|e| panic!("built-in lexicon files have problems:\n{e}"));
    let built = Lexicon::builtin();
    assert_eq!(built.len(), from_text.len());
    for (a, b) in built.entries().zip(from_text.entries()) {
        assert_eq!(describe(a), describe(b));
    }
}

#[test]
fn every_example_and_counter_example_holds() {
    let problems = Tagger::new().check_examples();
    let list: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        list.is_empty(),
        "{} failing examples:\n{}",
        list.len(),
        list.join("\n")
    );
}

#[test]
fn ambiguous_entries_carry_examples_both_ways() {
    let mut short = Vec::new();
    for e in Lexicon::builtin().entries().filter(|e| e.is_ambiguous()) {
        if e.examples().count() < 3 || e.counter_examples().count() < 3 {
            let (file, line) = e.origin();
            short.push(format!(
                "{file}:{line}: {} needs 3 examples and 3 counter_examples",
                e.id()
            ));
        }
    }
    assert!(short.is_empty(), "{}", short.join("\n"));
}

#[test]
fn categories_round_trip() {
    for c in Category::ALL {
        assert_eq!(Category::parse(c.as_str()), Some(*c));
    }
}

/// `(file text, expected message start)`: each bad file is refused with its line and reason.
const BAD: &[(&str, &str)] = &[
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\ncolour = \"red\"\n",
        "bad.toml:5: unknown field `colour`",
    ),
    (
        "[[tech]]\nid = \"X Y\"\nname = \"X\"\ncategory = \"language\"\n",
        "bad.toml:2: id \"X Y\" must be",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"gadget\"\n",
        "bad.toml:4: unknown category \"gadget\"",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\naliases = [\"\"]\n",
        "bad.toml:5: alias is empty",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\naliases = [\" xx\"]\n",
        "bad.toml:5: alias \" xx\" has leading or trailing whitespace",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\n[[tech]]\nid = \"x\"\nname = \"Y\"\ncategory = \"language\"\n",
        "bad.toml:5: duplicate id \"x\" (first at bad.toml:1)",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"Xlang\"\ncategory = \"language\"\n[[tech]]\nid = \"y\"\nname = \"Y\"\ncategory = \"language\"\naliases = [\"xlang\"]\n",
        "bad.toml:9: alias \"xlang\" of \"y\" is also an alias of \"x\"",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\n[tech.rules]\nwindow = 100000\n",
        "bad.toml:6: window 100000 is out of range",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\n[tech.rules]\nforms = [\"Z\"]\ncues = [\"a\"]\n",
        "bad.toml:6: rules name the form \"Z\"",
    ),
    (
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\n[tech.rules]\nnever = [\"x y\"]\nconfirm = false\nnearby = false\n",
        "bad.toml:5: `nearby = false` with `confirm = false`",
    ),
    ("[[tech]\nid = 1\n", "bad.toml:1: "),
    (
        "[[tech]]\nname = \"X\"\ncategory = \"language\"\n",
        "bad.toml:1: missing field `id`",
    ),
];

#[test]
fn bad_lexicons_are_refused_with_file_line_and_reason() {
    for (src, want) in BAD {
        let err = Lexicon::from_sources([("bad.toml".to_string(), *src)]).expect_err(src);
        let msg = err.to_string();
        assert!(msg.starts_with(want), "for\n{src}\ngot: {msg}\nwant: {want}…");
    }
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let src = "[[tech]]\nid = \"A\"\nname = \"A\"\ncategory = \"nope\"\naliases = [\"\"]\n";
    let err = Lexicon::from_sources([("bad.toml".to_string(), src)]).unwrap_err();
    assert_eq!(err.problems().len(), 3, "{err}");
}

#[test]
fn ambiguous_shared_alias_is_allowed_with_cues_on_both() {
    let src = r#"
[[tech]]
id = "ecs-aws"
name = "Amazon ECS"
category = "cloud_service"
cased = ["ECS"]
[tech.rules]
forms = ["ECS"]
cues = ["aws", "fargate"]

[[tech]]
id = "ecs-games"
name = "Entity Component System"
category = "framework"
cased = ["ECS"]
[tech.rules]
forms = ["ECS"]
cues = ["unity", "game"]
"#;
    let tagger = Tagger::builder()
        .lexicon_source("two.toml", src)
        .without_builtin()
        .build()
        .unwrap();
    assert_eq!(tagger.tag("ECS on AWS").skill_ids(), ["ecs-aws"]);
    assert_eq!(
        tagger.tag("an ECS for our game engine").skill_ids(),
        ["ecs-games"]
    );
    assert!(tagger.tag("ECS").skills.is_empty());
}

#[test]
fn user_entries_add_and_override() {
    let src = r#"
[[tech]]
id = "kubernetes"
name = "K8s Platform"
category = "container"
aliases = ["kube platform"]

[[tech]]
id = "acme-mq"
name = "AcmeMQ"
category = "messaging"
aliases = ["Postgres"]
"#;
    let tagger = Tagger::builder()
        .lexicon_source("user.toml", src)
        .build()
        .unwrap();
    let tags = tagger.tag("kube platform, AcmeMQ and Postgres, Kubernetes, Python");
    // The override replaced the built-in entry (so "Kubernetes" itself no longer matches),
    // and the user took the alias "Postgres".
    assert_eq!(tags.skill_ids(), ["kubernetes", "acme-mq", "python"]);
    assert_eq!(tags.skills[0].name, "K8s Platform");
}

#[test]
fn a_user_cased_form_leaves_a_built_in_cased_form_of_other_case() {
    // "NX" (Siemens) and the built-in "Nx" (Nrwl) are two forms: the user's takes only its own.
    let src = r#"
[[tech]]
id = "siemens-nx"
name = "Siemens NX"
category = "tool"
cased = ["NX"]
"#;
    let tagger = user_tagger(src, true);
    let tags = tagger.tag("Monorepo tooling: Nx and Turborepo. CAD in NX and CATIA.");
    assert_eq!(
        tags.skill_ids(),
        ["nx-monorepo", "turborepo", "siemens-nx", "catia"]
    );
    // An alias in any case takes the built-in form whatever its case.
    let src = r#"
[[tech]]
id = "nx-anything"
name = "NX anything"
category = "tool"
aliases = ["nx"]
"#;
    let tagger = user_tagger(src, true);
    let tags = tagger.tag("Monorepo tooling: Nx and Turborepo.");
    assert_eq!(tags.skill_ids(), ["nx-anything", "turborepo"]);
}

/// A tagger with one user lexicon file, with or without the built-in lexicon.
fn user_tagger(src: &str, builtin: bool) -> Tagger {
    let mut b = Tagger::builder();
    b.lexicon_source("user.toml", src);
    if !builtin {
        b.without_builtin();
    }
    b.build().unwrap()
}

#[test]
fn a_cue_within_the_match_does_not_confirm_it() {
    // The form is also one of its cues: only words around the name may confirm it.
    let src = r#"
[[tech]]
id = "zorblax"
name = "Zorblax"
category = "tool"
cased = ["Zorblax"]
examples = ["Zorblax widgets"]
counter_examples = ["Zorblax view from the office"]

[tech.rules]
cues = ["zorblax", "widgets", "zorblax studio"]
window = 4
"#;
    let tagger = user_tagger(src, false);
    assert!(tagger.tag("Zorblax view from the office").skills.is_empty());
    assert!(tagger.tag("The Zorblax is near").skills.is_empty());
    let tags = tagger.tag("We build Zorblax widgets");
    assert_eq!(tags.skill_ids(), ["zorblax"]);
    assert_eq!(tags.skills[0].mentions[0].rule, "cue:widgets");
    // A cue that reaches past the name still counts.
    let tags = tagger.tag("Zorblax Studio plugins");
    assert_eq!(tags.skills[0].mentions[0].rule, "cue:zorblax studio");
}

#[test]
fn entries_that_share_a_form_are_told_apart_by_their_cues_before_other_rules() {
    // Both entries are admitted by the phrase that introduces skills ("Experience with …");
    // the one whose cues stand around the name wins, not the one listed first.
    let src = r#"
[[tech]]
id = "zorb-sim"
name = "Zorb simulator"
category = "data_ml"
cased = ["Zorb"]
examples = ["Zorb reservoir models"]
counter_examples = ["Zorb view from the office"]

[tech.rules]
cues = ["reservoir", "simulation"]
window = 6

[[tech]]
id = "zorb-ide"
name = "Zorb IDE"
category = "tool"
cased = ["Zorb"]
examples = ["Java plugins for Zorb"]
counter_examples = ["Zorb view from the office"]

[tech.rules]
cues = ["java", "plugins"]
window = 6
"#;
    let tagger = user_tagger(src, false);
    let tags = tagger.tag("Experience with Zorb for Java plugins.");
    assert_eq!(tags.skill_ids(), ["zorb-ide"]);
    assert_eq!(tags.skills[0].mentions[0].rule, "cue:java");
    let tags = tagger.tag("Experience with Zorb for reservoir simulation.");
    assert_eq!(tags.skill_ids(), ["zorb-sim"]);
    // With no cue of either, the first listed keeps the introducing phrase's admission.
    let tags = tagger.tag("Experience with Zorb.");
    assert_eq!(tags.skill_ids(), ["zorb-sim"]);
    assert_eq!(tags.skills[0].mentions[0].rule, "skill-intro");
}

#[test]
fn nearby_false_needs_a_cue_not_a_neighbour() {
    // A name that is an ordinary word and often stands beside technologies: only its own cues
    // (or a version, or a skill-introducing phrase) confirm it.
    let src = r#"
[[tech]]
id = "stripe"
name = "Stripe"
category = "business_software"
cased = ["Stripe"]
examples = ["payments through the Stripe API"]
counter_examples = ["Stripe, our design system, is built on PostgreSQL"]

[tech.rules]
cues = ["payments", "api", "billing"]
nearby = false
"#;
    let tagger = user_tagger(src, true);
    let tags = tagger.tag("Stripe, our design system, is built on PostgreSQL");
    assert_eq!(tags.skill_ids(), ["postgresql"]);
    let tags = tagger.tag("Payments with Stripe and PostgreSQL");
    assert_eq!(tags.skill_ids(), ["stripe", "postgresql"]);
    assert_eq!(tags.skills[0].mentions[0].rule, "cue:payments");
    // Without `nearby = false`, the neighbour confirms it.
    let tagger = user_tagger(&src.replace("nearby = false", ""), true);
    let tags = tagger.tag("Stripe, our design system, is built on PostgreSQL");
    assert_eq!(tags.skill_ids(), ["stripe", "postgresql"]);
    assert_eq!(tags.skills[0].mentions[0].rule, "nearby-technology");
    let entry = tagger.lexicon().entries().find(|e| e.id() == "stripe").unwrap();
    let rules = entry.rules().unwrap();
    assert!(rules.nearby());
}

#[test]
fn section_headings_file_parses() {
    assert_eq!(jdtag::section_kind("Nice to have"), "preferred");
    assert_eq!(jdtag::section_kind("Requirements:"), "requirements");
    assert_eq!(jdtag::section_kind("Benefits & Perks"), "benefits");
}

#[test]
fn a_shorter_form_takes_over_where_the_longest_fails_its_boundary() {
    let src = "[[tech]]\nid = \"foo\"\nname = \"Foo\"\ncategory = \"tool\"\n\
               [[tech]]\nid = \"foo-bar-baz\"\nname = \"Foo Bar Baz\"\ncategory = \"tool\"\n";
    let tagger = Tagger::builder()
        .lexicon_source("t.toml", src)
        .without_builtin()
        .build()
        .unwrap();
    assert_eq!(tagger.tag("Foo Bar Bazz").skill_ids(), ["foo"]);
    assert_eq!(tagger.tag("Foo Bar Baz.").skill_ids(), ["foo-bar-baz"]);
    assert!(tagger.tag("Foox Bar Baz").skills.is_empty());
}

#[test]
fn user_lexicon_disables_and_extends_builtin_entries_without_copying() {
    let src = r#"
[[tech]]
id = "python"
disabled = true

[[extend]]
id = "kubernetes"
aliases = ["kube cluster"]
examples = ["run it on the kube cluster"]
"#;
    let tagger = Tagger::builder()
        .lexicon_source("user.toml", src)
        .build()
        .unwrap();
    let tags = tagger.tag("Python on the kube cluster, next to Kubernetes");
    assert_eq!(tags.skill_ids(), ["kubernetes"]);
    assert_eq!(tags.skills[0].mentions.len(), 2);
    assert!(tagger.check_examples().iter().all(|p| p.file != "user.toml"));

    let bad =
        "[[tech]]\nid = \"no-such-tech\"\ndisabled = true\n\n[[extend]]\nid = \"nope\"\naliases = [\"x\"]\n";
    let err = Tagger::builder()
        .lexicon_source("user.toml", bad)
        .build()
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("user.toml:1: disables \"no-such-tech\", which no entry has"),
        "{err}"
    );
    assert!(
        err.contains("user.toml:5: extends \"nope\", which no entry has"),
        "{err}"
    );
}

#[test]
fn categories_keep_only_some_entries() {
    let tagger = Tagger::builder()
        .categories([Category::Language, Category::Container])
        .build()
        .unwrap();
    assert_eq!(
        tagger.tag("Python, PostgreSQL and Docker").skill_ids(),
        ["python", "docker"]
    );
}

/// `(text, id, rule)`: each mention says which rule admitted it.
const RULES: &[(&str, &str, &str)] = &[
    ("Kubernetes", "kubernetes", "alias"),
    ("Go and Python", "go", "nearby-technology"),
    ("Go 1.22", "go", "version"),
    ("writing Go with goroutines", "go", "cue:goroutines"),
];

#[test]
fn mentions_say_which_rule_admitted_them() {
    let tagger = Tagger::new();
    for (text, id, rule) in RULES {
        let tags = tagger.tag(text);
        let skill = tags
            .skill(id)
            .unwrap_or_else(|| panic!("{text:?} does not tag {id}"));
        assert_eq!(skill.mentions[0].rule, *rule, "{text:?}");
    }
}

#[test]
fn a_year_is_not_a_version_that_confirms_an_ambiguous_name() {
    let tagger = Tagger::new();
    assert!(tagger.tag("Go 2024").skill("go").is_none());
}

#[test]
fn hostile_lexicon_files_are_refused_not_hung() {
    let deep = format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let err = Lexicon::from_sources([("deep.toml".to_string(), deep.as_str())])
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("deep.toml:1: "), "{err}");
    let long = format!(
        "[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\naliases = [\"{}\"]\n",
        "a".repeat(100_000)
    );
    let err = Lexicon::from_sources([("long.toml".to_string(), long.as_str())])
        .unwrap_err()
        .to_string();
    assert_eq!(err, "long.toml:5: alias is 100000 bytes long; the limit is 200");
    let many: String = (0..600).map(|i| format!("\"alias{i}\", ")).collect();
    let wide = format!("[[tech]]\nid = \"x\"\nname = \"X\"\ncategory = \"language\"\naliases = [{many}]\n");
    let err = Lexicon::from_sources([("wide.toml".to_string(), wide.as_str())])
        .unwrap_err()
        .to_string();
    assert!(err.contains("forms; the limit is 500"), "{err}");
}
