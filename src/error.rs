//! Errors as values.
//!
//! Every failure the engine can meet on user input (a bad hyperparameter, a word that is not in the
//! vocabulary, a malformed vector file) is an [`Error`] whose message names the bad input, so the
//! CLI can print it and the browser binding can turn it into a JavaScript exception. Nothing that
//! comes from input may panic.

use std::fmt;

/// Everything that can go wrong in the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A hyperparameter is outside its allowed range.
    InvalidConfig {
        field: &'static str,
        message: String,
    },
    /// The corpus gives nothing to train on (empty, or every word below `min_count`).
    EmptyVocabulary { reason: String },
    /// Full softmax was asked for on a vocabulary too large for it.
    VocabularyTooLargeForSoftmax { size: usize, limit: usize },
    /// A query named a word the model has never seen.
    UnknownWord { word: String },
    /// A query is malformed (empty, repeated words, …).
    InvalidQuery { message: String },
    /// A vector file could not be parsed; `position` says where ("line 3", "byte 1024").
    Format { position: String, message: String },
    /// An I/O failure, with the path or stream it concerns.
    Io { context: String, message: String },
    /// A setting was named that no settings table has.
    UnknownSetting { name: String },
    /// Training diverged: a weight became NaN or infinite.
    Diverged { words_done: u64 },
}

impl Error {
    pub(crate) fn config(field: &'static str, message: impl Into<String>) -> Self {
        Error::InvalidConfig {
            field,
            message: message.into(),
        }
    }

    pub(crate) fn format(position: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Format {
            position: position.into(),
            message: message.into(),
        }
    }

    pub(crate) fn io(context: impl Into<String>, err: &std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            message: err.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidConfig { field, message } => write!(f, "invalid {field}: {message}"),
            Error::EmptyVocabulary { reason } => write!(f, "nothing to train on: {reason}"),
            Error::VocabularyTooLargeForSoftmax { size, limit } => write!(
                f,
                "full softmax scores every word for every sample; the vocabulary has {size} words \
                 (limit {limit}). Use negative sampling or hierarchical softmax instead"
            ),
            Error::UnknownWord { word } => write!(f, "'{word}' is not in the vocabulary"),
            Error::InvalidQuery { message } => write!(f, "invalid query: {message}"),
            Error::Format { position, message } => write!(f, "{position}: {message}"),
            Error::Io { context, message } => write!(f, "{context}: {message}"),
            Error::UnknownSetting { name } => write!(f, "'{name}' is not a setting"),
            Error::Diverged { words_done } => write!(
                f,
                "training diverged after {words_done} words (a weight became NaN or infinite); \
                 lower the learning rate"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used throughout the crate.
pub type Result<T> = std::result::Result<T, Error>;
