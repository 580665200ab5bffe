//! Untrusted input stays inert: escaping on every page, no unsafe links,
//! the CSP header, the token on writes (and on reads when closed), the
//! body cap.

use crate::{article, TestServer, TOKEN};

/// An article whose every field tries to break out of its context.
fn hostile() -> String {
    serde_json::json!({
        "id": "hostile\"><script>alert('id')</script>",
        "source": "evil\" onmouseover=\"alert('source')",
        "title": "Breaking <script>alert('title')</script> \"quoted' & <b>bold</b>",
        "text": "First <img src=x onerror=alert('body')> paragraph about kestrels.\n\nSecond </p><script>alert('body2')</script> paragraph.",
        "url": "javascript:alert('url')",
        "published": "2026-05-01"
    })
    .to_string()
}

fn assert_inert(html: &str, page: &str) {
    // Text such as `onerror=` may appear escaped; a tag or a broken-out
    // attribute may not.
    for forbidden in ["<script", "<img", "javascript:alert", "<b>bold", "\" onmouseover=\""] {
        let found = match forbidden {
            // The URL may be shown as text, but never as a link.
            "javascript:alert" => html.contains("href=\"javascript:") || html.contains("href='javascript:"),
            _ => html.contains(forbidden),
        };
        assert!(!found, "{page} carries {forbidden:?} unescaped:\n{html}");
    }
    assert!(html.contains("&lt;script&gt;"), "{page} should show the text escaped");
}

#[test]
fn hostile_fields_render_inert_everywhere() {
    let server = TestServer::start();
    let (status, answer) = server.post(&hostile());
    assert_eq!((status, answer["stored"].as_u64()), (200, Some(1)), "{answer}");
    let story = answer["records"][0]["story"].as_u64().unwrap();
    let id = answer["records"][0]["id"].as_str().unwrap();
    let encoded: String = id.bytes().map(|b| format!("%{b:02X}")).collect();
    for page in
        ["/".to_owned(), format!("/stories/{story}"), format!("/articles/{encoded}"), "/search?q=kestrels".to_owned()]
    {
        let (status, html) = server.get(&page);
        assert_eq!(status, 200, "{page}");
        assert_inert(&html, &page);
    }
    let (_, html) = server.get(&format!("/articles/{encoded}"));
    assert!(html.contains("javascript:alert(&#x27;url&#x27;)"), "the unsafe URL is shown as text");
    let (_, html) = server.get("/search?q=kestrels");
    assert!(html.contains("<mark>kestrels</mark>"), "the snippet marks the query's word:\n{html}");
    assert!(html.contains("First &lt;img src=x"), "and escapes the text around it:\n{html}");
}

#[test]
fn every_response_carries_a_strict_policy() {
    let server = TestServer::start();
    for path in ["/", "/api/stories", "/health", "/nowhere", "/static/style.css"] {
        let response = match ureq::get(&server.url(path)).call() {
            Ok(response) => response,
            Err(ureq::Error::Status(_, response)) => response,
            Err(error) => panic!("{error}"),
        };
        let policy = response.header("content-security-policy").unwrap_or_default().to_owned();
        assert!(policy.contains("default-src 'none'") && !policy.contains("unsafe"), "{path}: {policy}");
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"), "{path}");
    }
}

#[test]
fn writes_need_the_token() {
    let server = TestServer::start();
    let body = article("a", "x.example", "Title", "Some text here.", "2026-01-01");
    let (status, error) = server.post_as(None, &body);
    assert_eq!((status, error["code"].as_str(), error["type"].as_str()), (401, Some("missing_token"), Some("auth")));
    let (status, error) = server.post_as(Some("test-token-0123456788"), &body);
    assert_eq!((status, error["code"].as_str()), (401, Some("invalid_token")));
    let (status, error) = server.post_as(Some(""), &body);
    assert_eq!((status, error["code"].as_str()), (401, Some("missing_token")), "an empty bearer is no token");
    assert_eq!(server.get_json("/health").1["articles"], 0, "nothing was stored without the token");
    assert_eq!(server.post_as(Some(TOKEN), &body).0, 200);

    let tokenless = TestServer::with(|config| config.token = None);
    let (status, error) = tokenless.post_as(Some(TOKEN), &body);
    assert_eq!((status, error["code"].as_str()), (403, Some("writes_disabled")));
}

#[test]
fn reads_can_be_closed() {
    let server = TestServer::with(|config| config.public_reads = false);
    for path in ["/api/stories", "/", "/metrics", "/api/search?q=x"] {
        let (status, body) = server.get(path);
        assert_eq!(status, 401, "{path}: {body}");
    }
    assert_eq!(server.get("/health").0, 200, "health stays open for probes");
    let (status, _) =
        crate::answer(ureq::get(&server.url("/api/stories")).set("authorization", &format!("Bearer {TOKEN}")).call());
    assert_eq!(status, 200);
}

#[test]
fn bodies_are_capped() {
    let server = TestServer::with(|config| config.max_body_bytes = 2_048);
    let big = article("big", "x.example", "Big", &"word ".repeat(1_000), "2026-01-01");
    let (status, error) = server.post(&big);
    assert_eq!((status, error["code"].as_str()), (413, Some("payload_too_large")));
    // Without a Content-Length (chunked), the cap holds while reading.
    let reader = std::io::Cursor::new(big.into_bytes());
    let (status, body) = crate::answer(
        ureq::post(&server.url("/api/articles")).set("authorization", &format!("Bearer {TOKEN}")).send(reader),
    );
    assert_eq!(status, 413, "{body}");
    assert_eq!(server.get_json("/health").1["articles"], 0);
}
