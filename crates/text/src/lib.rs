//! Text repair and structure (to be built).
