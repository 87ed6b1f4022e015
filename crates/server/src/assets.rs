//! Static files compiled into the binary (ECharts from the npm package `echarts`,
//! our CSS and scripts): the pages work offline, with no CDN.

use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        name: "echarts.min.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/echarts.min.js"),
    },
    Asset {
        name: "echarts-LICENSE.txt",
        content_type: "text/plain; charset=utf-8",
        bytes: include_bytes!("../assets/echarts-LICENSE.txt"),
    },
    Asset {
        name: "app.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/app.js"),
    },
    Asset {
        name: "errors.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../assets/errors.js"),
    },
    Asset {
        name: "app.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../assets/app.css"),
    },
];

/// Routes under `/assets/`.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new().route("/assets/{name}", get(asset))
}

fn etag(index: usize) -> String {
    use std::hash::{Hash, Hasher};
    static TAGS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let tags = TAGS.get_or_init(|| {
        ASSETS
            .iter()
            .map(|a| {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                a.bytes.hash(&mut h);
                format!("\"{:016x}\"", h.finish())
            })
            .collect()
    });
    tags.get(index).cloned().unwrap_or_default()
}

async fn asset(Path(name): Path<String>, headers: HeaderMap) -> Response {
    let Some((index, a)) = ASSETS.iter().enumerate().find(|(_, a)| a.name == name) else {
        return crate::error::ApiError::NotFound {
            what: "asset",
            id: name,
        }
        .into_response();
    };
    let tag = etag(index);
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut resp = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, a.content_type)], a.bytes).into_response()
    };
    let h = resp.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&tag) {
        h.insert(header::ETAG, v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=3600"),
    );
    resp
}
