//! zhizao: read, search and compare a page of Chinese articles in a terminal.

pub mod content;
pub mod sanitize;
