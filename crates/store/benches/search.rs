//! Search latency benchmark (placeholder).
fn main() {}
