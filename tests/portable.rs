//! `parcours build --portable` and `--zip`: a site that works opened from a folder.

mod common;

use std::io::Read;

use common::{build, copy_dir, fixture, read, stderr};

#[test]
fn a_portable_site_links_index_files_loads_its_index_by_scripts_and_has_no_service_worker() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let config = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}offline: true\nportable: true\n")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));

    let page = read(out.path(), "fr/bases/souris/index.html");
    assert!(page.contains(r#"href="../../../fr/bases/clavier/index.html#debut""#));
    assert!(page.contains(r#"href="../../../fr/digcomp/5.1/index.html""#));
    assert!(page.contains(r#"href="../../../fr/index.html""#));
    assert!(page.contains(r#"data-search="../../../search/fr/""#));
    assert!(!page.contains("serviceWorker"));
    assert!(!out.path().join("sw.js").exists());
    let links: Vec<&str> = page
        .split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|link| !link.starts_with("https:"))
        .collect();
    assert!(links.len() > 20);
    let folders: Vec<&&str> = links.iter().filter(|l| l.ends_with('/')).collect();
    assert!(folders.is_empty(), "links to folders: {folders:?}");
    assert!(read(out.path(), "index.html").contains(r#"href="fr/index.html""#));

    let meta = std::fs::read(out.path().join("search/fr/meta.json")).unwrap();
    let twin = read(out.path(), "search/fr/meta.json.js");
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(&meta);
    assert_eq!(
        twin,
        format!("parcoursData(document.currentScript,\"{encoded}\");\n")
    );
    let documents = read(out.path(), "search/fr/d/0.gz.js");
    assert!(documents.starts_with("parcoursData("));
}

#[test]
fn zip_writes_the_portable_site_as_one_archive_the_same_every_time() {
    let out = tempfile::tempdir().unwrap();
    let zips = tempfile::tempdir().unwrap();
    let first = zips.path().join("mon-site.zip");
    let second = zips.path().join("again.zip");
    for (n, zip) in [&first, &second].into_iter().enumerate() {
        let target = out.path().join(format!("site{n}"));
        let run = build(
            &fixture("minimal"),
            &target,
            &["--zip", zip.to_str().unwrap()],
        );
        assert!(run.status.success(), "{}", stderr(&run));
    }
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&first).unwrap()).unwrap();
    let names: Vec<String> = archive.file_names().map(String::from).collect();
    assert!(names.iter().all(|n| n.starts_with("mon-site/")));
    assert!(names.contains(&"mon-site/search/fr/meta.json.js".to_string()));
    let mut page = String::new();
    archive
        .by_name("mon-site/fr/bases/souris/index.html")
        .unwrap()
        .read_to_string(&mut page)
        .unwrap();
    assert!(page.contains(r#"href="../../../fr/digcomp/5.1/index.html""#));

    // The same files make the same entries, in the same order, with the same dates.
    let mut again = zip::ZipArchive::new(std::fs::File::open(&second).unwrap()).unwrap();
    assert_eq!(archive.len(), again.len());
    for i in 0..archive.len() {
        let (mut a, mut b) = (archive.by_index(i).unwrap(), again.by_index(i).unwrap());
        assert_eq!(
            a.name().replace("mon-site/", ""),
            b.name().replace("again/", "")
        );
        assert_eq!(a.last_modified(), b.last_modified());
        let (mut x, mut y) = (Vec::new(), Vec::new());
        a.read_to_end(&mut x).unwrap();
        b.read_to_end(&mut y).unwrap();
        assert_eq!(x, y, "{}", a.name());
    }
}

#[test]
fn a_zip_inside_the_output_folder_is_refused() {
    let out = tempfile::tempdir().unwrap();
    let zip = out.path().join("site.zip");
    let run = build(
        &fixture("minimal"),
        out.path(),
        &["--zip", zip.to_str().unwrap()],
    );
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("inside the output folder"));
}
