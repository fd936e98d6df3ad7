//! zhizao: read, search and compare a page of Chinese articles in a terminal.

pub mod action;
pub mod app;
pub mod areas;
pub mod cli;
pub mod compare;
pub mod config;
pub mod content;
pub mod export;
pub mod input;
pub mod keys;
pub mod layout;
pub mod sanitize;
pub mod search;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod wrap;
