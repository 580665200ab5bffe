//! Integration tests for `dossier-sources`: the real data sets in
//! `../shared` read end to end, and a folder of bad input built on the spot.
//!
//! Tests that need `../shared` print "skipping: ../shared not found" and pass
//! when it is absent, except under `CI=true`, where they fail.

use dossier_domain::{Published, RawArticle};
use dossier_sources::{read, read_stream, Diagnostic, Input, ReadOptions, Record};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

/// `shared/` beside the repository, or `None` when it is absent (outside CI).
use dossier_testkit::shared_dir as shared;
/// Everything `inputs` hold, with the default options.
fn read_all(inputs: &[&Path]) -> (Vec<RawArticle>, Vec<Diagnostic>) {
    read_with(inputs, ReadOptions::default())
}

fn read_with(inputs: &[&Path], options: ReadOptions) -> (Vec<RawArticle>, Vec<Diagnostic>) {
    let inputs = inputs.iter().map(|path| Input::Path(path.to_path_buf())).collect();
    split(read(inputs, options))
}

fn split(records: impl Iterator<Item = Record>) -> (Vec<RawArticle>, Vec<Diagnostic>) {
    let (mut articles, mut diagnostics) = (Vec::new(), Vec::new());
    for record in records {
        match record {
            Record::Article(article) => articles.push(article),
            Record::Skipped(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    (articles, diagnostics)
}

fn find<'a>(articles: &'a [RawArticle], path_id: &str) -> &'a RawArticle {
    articles
        .iter()
        .find(|article| article.path_id.as_deref() == Some(path_id))
        .unwrap_or_else(|| panic!("no article {path_id}"))
}

fn write(path: &Path, content: &[u8]) {
    fs::write(path, content).unwrap();
}

fn assert_no_diagnostics(diagnostics: &[Diagnostic]) {
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{messages:#?}");
}

mod seeds {
    use super::*;

    #[test]
    fn the_two_seed_reports_are_read_with_their_date_and_no_title() {
        let Some(shared) = shared() else { return };
        let (articles, diagnostics) = read_all(&[&shared.join("seeds")]);
        assert_no_diagnostics(&diagnostics);
        let ids: Vec<_> = articles.iter().map(|article| article.path_id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["000_0a268e9d4ae5c4e2", "004_bacb1b1643c1e2ea"]);

        let [first, second] = articles.as_slice() else { unreachable!() };
        assert_eq!(first.published, Published::parse("2024-08-12"));
        assert!(matches!(first.published, Some(Published::Day(_))));
        assert!(first.text.starts_with("Setting out"), "{}", &first.text[..60]);
        assert_eq!(first.title, None);
        assert_eq!(first.id, None);

        assert_eq!(second.published, None);
        assert_eq!(second.title, None);
        assert!(second.text.starts_with("The Mission"));
    }

    #[test]
    fn a_named_file_gets_its_stem_as_path_id() {
        let Some(shared) = shared() else { return };
        let (articles, _) = read_all(&[&shared.join("seeds/004_bacb1b1643c1e2ea.txt")]);
        assert_eq!(articles[0].path_id.as_deref(), Some("004_bacb1b1643c1e2ea"));
        assert_eq!(articles[0].origin.path.as_deref(), Some(shared.join("seeds/004_bacb1b1643c1e2ea.txt").as_path()));
    }
}

mod data_sets {
    use super::*;

    #[test]
    fn news_cluster_raw_news_please_files() {
        let Some(shared) = shared() else { return };
        let (articles, diagnostics) = read_all(&[&shared.join("data/news-cluster/raw")]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 383);
        for article in &articles {
            let name = article.path_id.as_deref().unwrap();
            assert!(article.url.is_some() && article.source.is_some(), "{name}");
            assert!(article.title.is_some() && article.published.is_some(), "{name}");
            assert!(!article.text.is_empty(), "{name}");
            assert_eq!(article.origin.line, None);
        }
        let china = find(&articles, "0046d5ff09e56287742ed727ac712a7806d4dee16d5d46aafd7632f5");
        assert_eq!(china.title.as_deref(), Some("China opposes DPRK's missile launch: FM spokesperson"));
        assert_eq!(china.source.as_deref(), Some("africa.chinadaily.com.cn"));
        assert_eq!(china.url.as_deref(), Some("http://africa.chinadaily.com.cn/world/2017-09/15/content_32041310.htm"));
        assert_eq!(china.published.unwrap().to_string(), "2017-09-15T00:00:00+00:00");
        assert_eq!(china.id, None);
        assert_eq!(china.metadata["newsCluster"]["Event"], "north_Korea_hokkaido_missile");
        assert!(china.metadata.contains_key("description"));
        assert!(!china.metadata.contains_key("title_rss"), "nulls are dropped");
    }

    #[test]
    fn news_cluster_articles_jsonl() {
        let Some(shared) = shared() else { return };
        let (articles, diagnostics) = read_all(&[&shared.join("data/news-cluster/articles.jsonl")]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 383);
        assert_eq!(articles[0].id.as_deref(), Some("0046d5ff09e56287"));
        assert_eq!(articles[0].origin.line, Some(1));
        assert_eq!(articles[382].origin.line, Some(383));
        assert!(articles.iter().all(|article| article.id.is_some() && article.path_id.is_none()));
    }

    #[test]
    fn wikiref_raw_cp1252_files_are_decoded() {
        let Some(shared) = shared() else { return };
        let (articles, diagnostics) = read_all(&[&shared.join("data/wikiref/raw")]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 220);
        for article in &articles {
            let all = format!("{}\n{}", article.title.as_deref().unwrap_or_default(), article.text);
            let name = article.path_id.as_deref().unwrap();
            assert!(!all.contains('\u{FFFD}'), "replacement character in {name}");
            assert!(!all.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)), "C1 control in {name}");
            assert!(!all.contains('\r'), "carriage return in {name}");
        }

        let paris = find(&articles, "ParisAttacks2015 (1)");
        assert!(paris.title.as_deref().is_some_and(|title| title.starts_with("Paris attacks")));
        assert!(paris.text.contains("€250,000"));
        let obama = find(&articles, "michelle.obama.70");
        assert!(obama.title.as_deref().is_some_and(|title| title.starts_with("After Attacks")));
        assert!(obama.text.starts_with("Michelle Obama’s"), "curly apostrophe");
        assert!(obama.text.contains("“whitey.”"), "curly quotes");
        let league = find(&articles, "premier.league.73");
        assert!(league.text.contains("€1 billion (£0.7"), "£ must not become Ł");
        let draft = find(&articles, "NBA.draft.2");
        assert!(draft.title.as_deref().is_some_and(|title| title.starts_with("Evolution of")));
        assert!(draft.text.starts_with("1947-65:"), "the title line is not repeated in the text");

        // Three first lines read like sentences, not headlines.
        let untitled: BTreeSet<&str> = articles
            .iter()
            .filter(|article| article.title.is_none())
            .map(|article| article.path_id.as_deref().unwrap())
            .collect();
        assert_eq!(
            untitled,
            BTreeSet::from(["malaysia.airlines.flight.70", "michelle.obama.98", "samsung.galaxy.s5.37"])
        );
    }

    #[test]
    fn bbc_raw_topic_folders() {
        let Some(shared) = shared() else { return };
        let (articles, diagnostics) = read_all(&[&shared.join("data/bbc/raw")]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 2225);
        assert!(articles.iter().all(|article| !article
            .path_id
            .as_deref()
            .unwrap()
            .to_ascii_uppercase()
            .contains("README")));
        let untitled: Vec<_> = articles
            .iter()
            .filter(|article| article.title.is_none())
            .map(|article| article.path_id.as_deref().unwrap())
            .collect();
        assert_eq!(untitled, Vec::<&str>::new(), "every BBC file has its headline on line 1");
        assert!(find(&articles, "entertainment/160")
            .title
            .as_deref()
            .is_some_and(|title| title.starts_with("iTunes ")));
        assert_eq!(articles[0].path_id.as_deref(), Some("business/001"));

        let time_warner = find(&articles, "business/001");
        assert!(time_warner.title.as_deref().is_some_and(|title| title.starts_with("Ad sales")));
        assert!(time_warner.text.starts_with("Quarterly profits"));
        assert!(time_warner.text.contains("(£600m)"));
        // The one latin-1 file.
        assert!(find(&articles, "sport/199").text.contains("£15.8m"));
        let ellipsis = find(&articles, "tech/301").title.as_deref().unwrap_or_default();
        assert!(ellipsis.contains("£400") && ellipsis.ends_with("..."), "{ellipsis}");
    }

    #[test]
    fn uci_headlines_csv() {
        let Some(shared) = shared() else { return };
        let csv = shared.join("data/uci-headlines/raw/uci-news-aggregator.head6367.csv");
        let (articles, diagnostics) = read_all(&[&csv]);
        assert_eq!(articles.len(), 6366);
        // The data set's last row is cut short.
        let [cut] = diagnostics.as_slice() else { panic!("{diagnostics:#?}") };
        assert_eq!((cut.origin.line, cut.error.kind()), (Some(6368), "malformed-csv"));

        let first = &articles[0];
        assert_eq!(first.id.as_deref(), Some("1"));
        assert!(first.title.as_deref().is_some_and(|title| title.starts_with("Fed official")));
        assert_eq!(first.source.as_deref(), Some("www.latimes.com"));
        assert_eq!(first.metadata["PUBLISHER"], "Los Angeles Times");
        assert_eq!(first.published.unwrap().to_string(), "2014-03-10T16:52:50.698+00:00");
        assert_eq!(first.text, "");
        for article in &articles {
            assert!(article.title.is_some() && article.url.is_some() && article.source.is_some());
            assert!(article.published.is_some_and(|published| published.day().to_string().starts_with("2014-03-1")));
            assert_eq!(article.path_id, None);
        }
    }

    #[test]
    fn reuters_articles_jsonl() {
        let Some(shared) = shared() else { return };
        let path = shared.join("data/reuters21578/articles.jsonl");
        let lines = fs::read_to_string(&path).unwrap().lines().filter(|line| !line.trim().is_empty()).count();
        let (articles, diagnostics) = read_all(&[&path]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(lines, 19043);
        assert_eq!(articles.len(), lines);
        assert_eq!(articles[0].title.as_deref(), Some("BAHIA COCOA REVIEW"));
        assert_eq!(articles.iter().filter(|article| article.published.is_some()).count(), 19042);
    }

    #[test]
    fn reading_is_deterministic() {
        let Some(shared) = shared() else { return };
        let origins = || -> Vec<String> {
            read(vec![Input::Path(shared.join("data/wikiref/raw"))], ReadOptions::default())
                .map(|record| record.origin().to_string())
                .collect()
        };
        let first = origins();
        assert_eq!(first, origins());
        let mut sorted = first.clone();
        sorted.sort();
        assert_eq!(first, sorted);
    }
}

mod bad_input {
    use super::*;

    /// (file name, line, reason) for every diagnostic.
    fn reasons(diagnostics: &[Diagnostic]) -> BTreeSet<(String, Option<u64>, &'static str)> {
        diagnostics
            .iter()
            .map(|diagnostic| {
                let path = diagnostic.origin.path.as_deref().unwrap();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, diagnostic.origin.line, diagnostic.error.kind())
            })
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn every_bad_file_is_reported_and_every_good_record_read() {
        let folder = tempfile::tempdir().unwrap();
        let root = folder.path();
        write(&root.join("empty.txt"), b"");
        write(&root.join("blank.md"), b"  \r\n\n\t");
        write(&root.join("binary.dat"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
        write(
            &root.join("lines.jsonl"),
            b"{\"id\": \"l1\", \"title\": \"Line one\"}\n\
              {\"id\": \"l2\", \"title\": \n\
              {\"id\": \"l3\", \"text\": \"Line three\"}\n\
              not json at all\n\
              {\"id\": \"l5\", \"title\": \"Line five\"}\n",
        );
        write(&root.join("no-title.csv"), b"id,url,source\n1,http://example.com/a,example.com\n");
        write(&root.join("good.txt"), "Flag handed to Los Angeles\n\nParis closed its games on Sunday.\n".as_bytes());
        write(&root.join("README.md"), b"About this folder.\n");
        write(&root.join(".hidden.txt"), b"Not an article\n\nHidden.\n");

        // 50 MB of text, written in 1 MiB blocks.
        let mut big = fs::File::create(root.join("big.txt")).unwrap();
        let block = "a ".repeat(512 * 1024);
        for _ in 0..50 {
            big.write_all(block.as_bytes()).unwrap();
        }
        drop(big);
        let big_size = fs::metadata(root.join("big.txt")).unwrap().len();

        std::os::unix::fs::symlink(root.join("no-such-target.txt"), root.join("dangling.txt")).unwrap();
        fs::create_dir(root.join("sub")).unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        write(&root.join("sub/nested.txt"), b"Nested headline\n\nNested body.\n");

        let (articles, diagnostics) = read_all(&[root]);

        let expected: BTreeSet<(String, Option<u64>, &str)> = [
            ("big.txt", None, "too-large"),
            ("binary.dat", None, "binary"),
            ("blank.md", None, "empty"),
            ("dangling.txt", None, "unreadable-path"),
            ("empty.txt", None, "empty"),
            ("lines.jsonl", Some(2), "malformed-json"),
            ("lines.jsonl", Some(4), "malformed-json"),
            ("loop", None, "unreadable-path"),
            ("no-title.csv", None, "missing-column"),
        ]
        .into_iter()
        .map(|(name, line, kind)| (name.to_owned(), line, kind))
        .collect();
        assert_eq!(reasons(&diagnostics), expected);
        assert_eq!(diagnostics.len(), expected.len());

        let big = diagnostics.iter().find(|diagnostic| diagnostic.error.kind() == "too-large").unwrap();
        let message = big.error.to_string();
        assert!(
            message.contains(&format!("at least {big_size} bytes")),
            "the size comes from the file system: {message}"
        );
        let missing = diagnostics.iter().find(|diagnostic| diagnostic.error.kind() == "missing-column").unwrap();
        assert!(missing.to_string().contains("no title or text column (columns: id, url, source)"), "{missing}");

        let found: Vec<(Option<&str>, Option<&str>, Option<u64>)> = articles
            .iter()
            .map(|article| (article.id.as_deref(), article.path_id.as_deref(), article.origin.line))
            .collect();
        assert_eq!(
            found,
            [
                (None, Some("good"), None),
                (Some("l1"), None, Some(1)),
                (Some("l3"), None, Some(3)),
                (Some("l5"), None, Some(5)),
                (None, Some("sub/nested"), None),
            ]
        );
        assert_eq!(articles[0].title.as_deref(), Some("Flag handed to Los Angeles"));
        assert_eq!(articles[0].text, "Paris closed its games on Sunday.");
    }

    #[test]
    fn a_jsonl_line_over_the_limit_is_skipped_and_the_rest_read() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("long.jsonl");
        let long = format!("{{\"title\": \"Long\", \"text\": \"{}\"}}", "word ".repeat(1000));
        write(&path, format!("{{\"title\": \"One\"}}\n{long}\n{{\"title\": \"Three\"}}\n").as_bytes());

        let (articles, diagnostics) = read_with(&[&path], ReadOptions { max_article_bytes: 1024 });
        let titles: Vec<_> = articles.iter().map(|article| article.title.as_deref().unwrap()).collect();
        assert_eq!(titles, ["One", "Three"]);
        let [diagnostic] = diagnostics.as_slice() else { panic!("{diagnostics:#?}") };
        assert_eq!((diagnostic.origin.line, diagnostic.error.kind()), (Some(2), "too-large"));
        assert!(
            diagnostic.to_string().ends_with("over the limit of 1024 bytes per article; split it or raise the limit"),
            "{diagnostic}"
        );
    }

    #[test]
    fn a_missing_path_is_reported_and_the_next_input_read() {
        let folder = tempfile::tempdir().unwrap();
        let good = folder.path().join("good.txt");
        write(&good, b"Headline\n\nBody.\n");
        let (articles, diagnostics) = read_all(&[&folder.path().join("missing.txt"), &good]);
        assert_eq!(articles.len(), 1);
        assert_eq!(diagnostics[0].error.kind(), "not-found");
    }
}

mod formats {
    use super::*;

    #[test]
    fn a_one_object_json_file_is_one_article_with_a_path_id() {
        let folder = tempfile::tempdir().unwrap();
        fs::create_dir(folder.path().join("nested")).unwrap();
        let body = "{\n  \"title\": null,\n  \"title_page\": \"Flag handed over\",\n  \"maintext\": \"Body.\",\n  \"date_publish\": \"2024-08-11 21:00:00\",\n  \"source_domain\": \"example.com\"\n}\n";
        write(&folder.path().join("nested/a1.json"), body.as_bytes());
        let (articles, diagnostics) = read_all(&[folder.path()]);
        assert_no_diagnostics(&diagnostics);
        let [article] = articles.as_slice() else { panic!("{articles:#?}") };
        assert_eq!(article.path_id.as_deref(), Some("nested/a1"));
        assert_eq!(article.title.as_deref(), Some("Flag handed over"));
        assert_eq!(article.text, "Body.");
        assert_eq!(article.source.as_deref(), Some("example.com"));
        assert_eq!(article.published.unwrap().to_string(), "2024-08-11T21:00:00+00:00");
    }

    #[test]
    fn a_json_array_file_yields_its_elements() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("many.json");
        write(&path, br#"[{"id": 1, "title": "A"}, "oops", {"id": 3, "text": "C"}]"#);
        let (articles, diagnostics) = read_all(&[&path]);
        let ids: Vec<_> =
            articles.iter().map(|article| (article.id.as_deref().unwrap(), article.origin.line)).collect();
        assert_eq!(ids, [("1", Some(1)), ("3", Some(3))]);
        assert_eq!((diagnostics[0].origin.line, diagnostics[0].error.kind()), (Some(2), "not-an-article"));
        // Said as a record, not a line: an element may span many lines.
        assert!(diagnostics[0].origin.to_string().ends_with("many.json (record 2)"), "{}", diagnostics[0].origin);
    }

    #[test]
    fn a_utf16_text_file_is_decoded() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("utf16.txt");
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Flag handed over\r\n\r\nLos Angeles took the flag.".encode_utf16().flat_map(u16::to_le_bytes));
        write(&path, &bytes);
        let (articles, diagnostics) = read_all(&[&path]);
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles[0].title.as_deref(), Some("Flag handed over"));
        assert_eq!(articles[0].text, "Los Angeles took the flag.");
    }

    /// `text` in UTF-16, little-endian or big-endian, after its byte order
    /// mark.
    fn utf16(text: &str, little: bool) -> Vec<u8> {
        let units = text.encode_utf16();
        let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
        bytes.extend(units.flat_map(|unit| if little { unit.to_le_bytes() } else { unit.to_be_bytes() }));
        bytes
    }

    #[test]
    fn utf16_json_lines_csv_and_standard_input_are_read_record_by_record() {
        let folder = tempfile::tempdir().unwrap();
        let lines = "{\"id\": \"a\", \"title\": \"Ferry sinks off Vellmar\"}\n\
                     {\"id\": \"b\", \"text\": \"The harbour reopened \u{2014} slowly.\"}\n";
        let table = "id,title,text\nc,Bridge opens,\"Mayor Wendy Marsh opened it, at last.\"\nd,Tolls,Tolls rise\n";
        let (jsonl, csv) = (folder.path().join("wire.jsonl"), folder.path().join("wire.csv"));
        write(&jsonl, &utf16(lines, true));
        write(&csv, &utf16(table, false));
        let (articles, diagnostics) = read_all(&[&jsonl, &csv]);
        assert_no_diagnostics(&diagnostics);
        let read: Vec<_> = articles.iter().map(|a| (a.id.as_deref().unwrap(), a.origin.line)).collect();
        assert_eq!(read, [("a", Some(1)), ("b", Some(2)), ("c", Some(2)), ("d", Some(3))]);
        assert_eq!(articles[1].text, "The harbour reopened \u{2014} slowly.");
        assert_eq!(articles[2].text, "Mayor Wendy Marsh opened it, at last.");

        let (articles, diagnostics) =
            split(read_stream(std::io::Cursor::new(utf16(lines, false)), ReadOptions::default()));
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].title.as_deref(), Some("Ferry sinks off Vellmar"));
    }

    #[test]
    fn a_utf8_byte_order_mark_before_an_array_or_object_is_dropped() {
        let folder = tempfile::tempdir().unwrap();
        let array = "\u{feff}[{\"id\": \"a\", \"title\": \"Ferry\"}, {\"id\": \"b\", \"title\": \"Bridge\"}]";
        let object = "\u{feff}{\n  \"id\": \"c\",\n  \"title\": \"Market\"\n}\n";
        let (json, dat) = (folder.path().join("wire.json"), folder.path().join("page.dat"));
        write(&json, array.as_bytes());
        write(&dat, object.as_bytes());
        let (articles, diagnostics) = read_all(&[&json, &dat]);
        assert_no_diagnostics(&diagnostics);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_deref().unwrap()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let (articles, diagnostics) = split(read_stream(std::io::Cursor::new(array), ReadOptions::default()));
        assert_no_diagnostics(&diagnostics);
        assert_eq!(articles.len(), 2);
    }

    #[test]
    fn a_binary_file_under_a_text_name_is_one_diagnostic() {
        let folder = tempfile::tempdir().unwrap();
        // A gzip stream's header, then bytes with line breaks among them.
        let mut bytes = vec![0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
        bytes.extend((0..4000u32).map(|n| if n % 37 == 0 { b'\n' } else { (n * 7 % 251) as u8 }));
        let (jsonl, csv) = (folder.path().join("feed.jsonl"), folder.path().join("feed.csv"));
        write(&jsonl, &bytes);
        write(&csv, &bytes);
        let (articles, diagnostics) = read_all(&[&jsonl, &csv]);
        assert!(articles.is_empty());
        let kinds: Vec<_> = diagnostics.iter().map(|d| d.error.kind()).collect();
        assert_eq!(kinds, ["binary", "binary"]);
        // One stray NUL in text is one bad record, not a binary file.
        let text = "{\"id\": \"a\", \"title\": \"Ferry\u{0}\"}\n{\"id\": \"b\", \"title\": \"Bridge\"}\n";
        let stray = folder.path().join("stray.jsonl");
        write(&stray, text.as_bytes());
        let (articles, diagnostics) = read_all(&[&stray]);
        assert_eq!(articles.iter().map(|a| a.id.as_deref().unwrap()).collect::<Vec<_>>(), ["b"]);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    }

    #[test]
    fn standard_input_is_sniffed() {
        let pretty = "\n{\n  \"title\": \"One pretty object\",\n  \"text\": \"Body\"\n}\n";
        let (articles, _) = split(read_stream(std::io::Cursor::new(pretty), ReadOptions::default()));
        assert_eq!(articles[0].title.as_deref(), Some("One pretty object"));
        assert_eq!(articles[0].origin.to_string(), "<stdin>");

        let array = "[{\"title\": \"A\"}, {\"title\": \"B\"}]";
        let (articles, _) = split(read_stream(std::io::Cursor::new(array), ReadOptions::default()));
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[1].origin.to_string(), "<stdin> (record 2)");

        let text = " date 2024-08-12 Crews cleared the pier.\n\nMore.";
        let (articles, _) = split(read_stream(std::io::Cursor::new(text), ReadOptions::default()));
        assert_eq!(articles[0].published.unwrap().to_string(), "2024-08-12");
        assert_eq!(articles[0].path_id, None);
    }
}
