//! After its first documents a process scans each document once for every cue list together
//! (one automaton over all of them) instead of once per list. That must change no output: the
//! fixtures tagged before the switch and after it give the same documents.

use jdtag::{DocKind, Tagger};

fn fixtures() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["fixtures/postings", "fixtures/resumes"] {
        let path = format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            out.push((f.display().to_string(), std::fs::read_to_string(&f).unwrap()));
        }
    }
    out
}

#[test]
fn the_shared_scan_finds_what_each_list_finds() {
    // This test binary holds one test, so nothing else tags in this process first. The switch
    // comes after 32 documents: 15 fixtures, each as a posting and as a résumé, come before it.
    let tagger = Tagger::builder().as_of(2026, 11).build().unwrap();
    let resumes = Tagger::builder()
        .as_of(2026, 11)
        .kind(DocKind::Resume)
        .build()
        .unwrap();
    let docs: Vec<(String, String)> = fixtures().into_iter().take(15).collect();
    assert!(docs.len() >= 10, "fixtures missing");
    let before: Vec<_> = docs
        .iter()
        .map(|(_, t)| (tagger.tag(t), resumes.tag(t)))
        .collect();
    for _ in 0..40 {
        tagger.tag("Senior Rust engineer, 5+ years, remote, $150k");
    }
    for ((name, text), (posting, resume)) in docs.iter().zip(before) {
        assert_eq!(tagger.tag(text), posting, "{name}");
        assert_eq!(resumes.tag(text), resume, "{name} as a résumé");
    }
}
