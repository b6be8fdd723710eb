//! Runs the `annual_report` example on the built-in sample and on a file, and checks what it
//! prints.

mod support;

fn run(args: &[&str]) -> (bool, String, String) {
    support::run("annual_report", args)
}

#[test]
fn prints_the_2017_table_and_explains_the_differences() {
    let (ok, out, err) = run(&[]);
    assert!(ok, "{err}");
    assert!(out.starts_with("Samordningsförbundet Huddinge Botkyrka Salem — måluppfyllelse 2017\n"));
    let slussen = out.lines().find(|l| l.starts_with("Slussen"));
    assert_eq!(
        slussen.map(|l| l.split_whitespace().collect::<Vec<_>>()),
        Some(vec!["Slussen", "2", "0,945", "God", "God", "ja"])
    );
    assert!(out.contains("\n5 av 7 bedömda rader stämmer med förbundets beslut; 3 inte bedömda.\n"));
    // Exactly the five differing rows are explained: the two graded ones that disagree and the
    // three decided "Ej tillämpbar" that the rule grades.
    let explained: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": beräknad måluppfyllelse"))
        .collect();
    assert_eq!(explained.len(), 5, "{out}");
    assert!(out.contains(
        "MIA-projektet: beräknad måluppfyllelse Godtagbar (medelvärde 0,843 av 3 mätta mål)"
    ));
}

#[test]
fn grades_a_given_file_in_english() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/arsredovisning-2015.json");
    let (ok, out, err) = run(&[path, "--en"]);
    assert!(ok, "{err}");
    assert!(
        out.starts_with("Samordningsförbundet Huddinge Botkyrka Salem — goal fulfilment 2015\n")
    );
    assert!(out.contains("\n9 of 10 graded rows agree with the association's decision.\n"));
    assert!(out.contains("Samverkansteam Huddinge: computed goal fulfilment Very good (mean 1 over 2 measured goal(s))"));
}

#[test]
fn reports_a_bad_file_with_code_and_path() {
    let dir = std::env::temp_dir().join(format!("finsam-example-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bad.json");
    let written = std::fs::write(
        &path,
        r#"{"format_version": 1, "organisation": "X", "period": "2017",
 "interventions": [{"id": "a", "name": "A", "kind": "individual", "status": "active",
   "goals": [{"description": "g", "kind": "share", "target": "150"}]}]}"#,
    );
    assert!(written.is_ok());
    let (ok, _, err) = run(&[path.to_str().unwrap_or_default()]);
    assert!(!ok);
    assert!(
        err.contains(
            "[share_above_100] interventions[0].goals[0].target: 150% is above 100% (line 3"
        ),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
