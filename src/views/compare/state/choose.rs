//! What the comparison holds: the collection's own two parts, or two
//! parts chosen with `c`, every row and the rows a place filter leaves.

use std::rc::Rc;

use super::Comparison;
use crate::compare::Sides;
use crate::content::NodeId;

impl Comparison {
    /// What is compared, every row; None when the collection has nothing
    /// to compare and no parts were chosen.
    #[must_use]
    pub fn sides(&self) -> Option<Rc<Sides>> {
        self.made().0
    }

    /// The rows shown: every row, or those naming the chosen place.
    #[must_use]
    pub fn filtered(&self) -> Option<Rc<Sides>> {
        self.made().1
    }

    /// Rows the place filter leaves out.
    #[must_use]
    pub fn hidden(&self) -> usize {
        let (all, shown) = self.made();
        let rows = |s: Option<Rc<Sides>>| s.map_or(0, |s| s.rows.len());
        rows(all) - rows(shown)
    }

    fn made(&self) -> super::Made {
        let mut sides = self.sides.borrow_mut();
        let (all, shown) = sides.get_or_insert_with(|| {
            let all = match self.chosen {
                Some([a, b]) => Some(Sides::of(&self.lib, a, b)),
                None => Sides::default_for(&self.lib),
            }
            .map(Rc::new);
            let shown = match (&all, self.place) {
                (Some(all), Some(p)) => Some(Rc::new(Sides {
                    rows: all.naming(&self.lib, &self.lib.places[p].name),
                    ..Sides::clone(all)
                })),
                (all, _) => all.clone(),
            };
            (all, shown)
        });
        (all.clone(), shown.clone())
    }

    /// What is compared or filtered changed: made again when next needed.
    pub(super) fn remake(&mut self) {
        *self.sides.get_mut() = None;
        self.tables.get_mut().clear();
        self.selected = 0;
        self.scroll = [0, 0];
    }

    /// `c` on a part: the first sets one side and waits; the second (on
    /// another part) sets the other and the comparison shows them. What to
    /// say is given back, and whether the comparison is ready.
    pub fn pick(&mut self, node: NodeId) -> (String, bool) {
        let lib = std::sync::Arc::clone(&self.lib);
        let label = |n: NodeId| lib.display_label(n);
        match self.pending.take() {
            Some(first) if first == node => (format!("已取消对照一侧「{}」", label(node)), false),
            // One part inside the other is not two parts: the first waits on.
            Some(first) if lib.ancestry(node).contains(&first) || lib.ancestry(first).contains(&node) => {
                self.pending = Some(first);
                (
                    format!("「{}」与「{}」一个包含另一个；请选不相包含的另一部分", label(first), label(node)),
                    false,
                )
            }
            Some(first) => {
                self.chosen = Some([first, node]);
                self.place = None;
                self.remake();
                let said = match self.sides() {
                    Some(s) if s.versions => format!(
                        "对照「{}」⇄「{}」：同一文本的两版，{} 段有改动",
                        label(first),
                        label(node),
                        s.changed()
                    ),
                    _ => format!("对照「{}」⇄「{}」", label(first), label(node)),
                };
                (said, true)
            }
            None => {
                self.pending = Some(node);
                (format!("已选「{}」为对照一侧", label(node)), false)
            }
        }
    }

    /// Back to the collection's own comparison.
    pub fn unchoose(&mut self) {
        self.chosen = None;
        self.pending = None;
        self.place = None;
        self.remake();
    }
}
