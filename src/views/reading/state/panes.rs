//! Which pane of the reading view has the keys, and whether the table of
//! contents shows: a pane beside the text on wide terminals, an overlay
//! over it on narrow ones.

/// The pane that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Reader,
}

#[derive(Debug, Clone, Copy)]
pub struct Panes {
    pub focus: Focus,
    /// Wide terminals: the tree pane is shown. Narrow: the tree overlay is open.
    pub show_tree: bool,
}

impl Default for Panes {
    fn default() -> Self {
        Panes {
            focus: Focus::Reader,
            show_tree: true,
        }
    }
}

impl Panes {
    /// Tab: the other pane; a floating tree shows only while it has focus.
    pub fn next(&mut self, floats: bool) {
        self.focus = match self.focus {
            Focus::Tree => Focus::Reader,
            Focus::Reader => {
                self.show_tree = true;
                Focus::Tree
            }
        };
        if floats {
            self.show_tree = self.focus == Focus::Tree;
        }
    }

    /// `t`: the tree shown and focused, or gone and the text focused.
    pub fn toggle_tree(&mut self) {
        self.show_tree = !self.show_tree;
        self.focus = if self.show_tree {
            Focus::Tree
        } else {
            Focus::Reader
        };
    }

    /// The text takes the keys; a floating tree closes.
    pub fn read(&mut self, floats: bool) {
        self.focus = Focus::Reader;
        if floats {
            self.show_tree = false;
        }
    }

    /// Esc: closes a floating tree that is open; false if there is none.
    pub fn close(&mut self, floats: bool) -> bool {
        let open = floats && self.show_tree;
        if open {
            self.read(true);
        }
        open
    }

    /// Across the width where the tree starts or stops floating: a floating
    /// tree starts closed, so reading takes the screen; a pane comes back.
    pub fn resize(&mut self, was_narrow: bool, narrow: bool) {
        if narrow && !was_narrow {
            self.read(true);
        } else if !narrow && was_narrow {
            self.show_tree = true;
        }
    }
}
