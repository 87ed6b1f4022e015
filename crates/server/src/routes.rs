//! The one table of routes: every module adds its routes through [`Routes`],
//! which keeps each path it registers, so the router's paths can be listed
//! ([`crate::route_paths`]) and the authorization matrix test
//! (`tests/authz.rs`) covers every route, new ones included.

use axum::routing::MethodRouter;
use axum::Router;

use crate::state::AppState;

/// A router and the paths registered on it.
#[derive(Default)]
pub struct Routes {
    router: Router<AppState>,
    paths: Vec<&'static str>,
}

impl Routes {
    /// No routes yet.
    pub fn new() -> Routes {
        Routes::default()
    }

    /// Adds `path`, served by `methods` (as [`Router::route`]).
    pub fn route(mut self, path: &'static str, methods: MethodRouter<AppState>) -> Routes {
        self.router = self.router.route(path, methods);
        self.paths.push(path);
        self
    }

    /// Adds a router built elsewhere (Swagger UI), with the paths it serves.
    pub fn serve(mut self, router: Router<AppState>, paths: &[&'static str]) -> Routes {
        self.router = self.router.merge(router);
        self.paths.extend_from_slice(paths);
        self
    }

    /// Adds every route of `other`.
    pub fn merge(mut self, other: Routes) -> Routes {
        self.router = self.router.merge(other.router);
        self.paths.extend(other.paths);
        self
    }

    /// The paths registered, in order.
    pub fn paths(&self) -> &[&'static str] {
        &self.paths
    }

    /// The router.
    pub fn into_router(self) -> Router<AppState> {
        self.router
    }
}
