//! What an evaluation used and assumed: sources and notes, gathered on the way.

use planwatch_core::Fact;

use crate::{Input, Role, Source};

/// Sources used and notes made while evaluating one case.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    pub notes: Vec<String>,
    pub used: Vec<Source>,
}

impl Trace {
    /// Add a note (Chinese), once.
    pub fn note(&mut self, note: impl Into<String>) {
        let note = note.into();
        if !self.notes.contains(&note) {
            self.notes.push(note);
        }
    }

    /// Record that a fact (the case's `input`) was used; a fact with the same
    /// role and words already recorded is not recorded again.
    pub fn use_fact(&mut self, role: Role, input: Input, fact: &Fact) {
        let source = Source {
            role,
            doc: fact.doc.clone(),
            quote: fact.quote.clone(),
            year: fact.year,
            value: fact.value,
            unit: fact.unit.clone(),
            input,
        };
        let same = |s: &Source| Source { input, ..s.clone() } == source;
        if !self.used.iter().any(same) {
            self.used.push(source);
        }
    }
}
