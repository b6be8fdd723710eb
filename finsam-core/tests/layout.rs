//! The crate is laid out by concept, one folder of `src/` per concept, and no two folders import
//! each other, directly or through others: the folders' imports form a graph without cycles, and
//! `common/` imports none of them. This test reads the sources and checks that.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every `crate::NAME` a folder's files mention, other than the folder's own.
fn imports(folder: &Path, name: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut stack = vec![folder.to_path_buf()];
    while let Some(path) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&path) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (index, _) in text.match_indices("crate::") {
                let rest = text.get(index + "crate::".len()..).unwrap_or_default();
                let module: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                if !module.is_empty() && module != name {
                    found.insert(module);
                }
            }
        }
    }
    found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in std::fs::read_dir(&src).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let found = imports(&path, &name);
            graph.insert(name, found);
        }
    }
    graph
}

/// A cycle through `node`, if there is one, as the path of folders.
fn cycle(
    graph: &BTreeMap<String, BTreeSet<String>>,
    node: &str,
    path: &mut Vec<String>,
) -> Option<Vec<String>> {
    if let Some(start) = path.iter().position(|n| n == node) {
        let mut found = path.get(start..).unwrap_or_default().to_vec();
        found.push(node.to_owned());
        return Some(found);
    }
    path.push(node.to_owned());
    for next in graph.get(node).into_iter().flatten() {
        if let Some(found) = cycle(graph, next, path) {
            return Some(found);
        }
    }
    path.pop();
    None
}

#[test]
fn every_concept_is_a_folder() {
    let folders: Vec<String> = graph().into_keys().collect();
    assert_eq!(
        folders,
        [
            "check", "common", "document", "format", "grading", "model", "reader", "render",
            "series", "text", "write"
        ]
    );
}

#[test]
fn the_folders_import_each_other_without_a_cycle() {
    let graph = graph();
    for node in graph.keys() {
        assert_eq!(
            cycle(&graph, node, &mut Vec::new()),
            None,
            "cycle from {node}"
        );
    }
    assert_eq!(
        graph.get("common"),
        Some(&BTreeSet::new()),
        "common is a leaf"
    );
    // The model is what everything else reads; it reads only the leaf.
    assert_eq!(
        graph
            .get("model")
            .map(|m| m.iter().cloned().collect::<Vec<_>>()),
        Some(vec!["common".to_owned()])
    );
}
