//! The OpenAPI document, generated from the handlers' `#[utoipa::path]`
//! attributes and the wire types' schemas, never written by hand.

use crate::api;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(title = "dossier", description = "A story engine for news: stories, articles, search and ingest."),
    paths(
        api::list_stories,
        api::get_story,
        api::get_article,
        api::search,
        api::post_articles,
        api::health,
        api::metrics
    ),
    components(schemas(crate::ErrorBody, api::Sort, api::RecordStatus)),
    modifiers(&BearerToken),
    tags(
        (name = "stories", description = "Stories: articles from many outlets about one event"),
        (name = "articles", description = "Single articles, and ingesting new ones"),
        (name = "search", description = "Full-text search over titles, bodies and entities"),
        (name = "operations", description = "Health and metrics")
    )
)]
struct ApiDoc;

struct BearerToken;

impl Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub fn document() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}
