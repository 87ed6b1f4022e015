//! The evaluation methods, one module per kind of target.

pub(crate) mod cumulative;
pub(crate) mod growth;
pub(crate) mod level;
pub(crate) mod reduction;
