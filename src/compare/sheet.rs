//! The comparison as it is shown: where each row starts, with only the
//! rows on screen laid out. A big archive's whole table holds every line
//! of every lesson (89 MiB at 10,000 articles); a sheet holds a row number
//! a row, and lays a row out when it is drawn.

use std::ops::Range;

use super::{
    Column, Item, Kind, Line, Row, Sides, intro, item_height, item_lines, on_all_cores, pad,
};
use crate::compare::versions::{Change, changed_bytes};
use crate::content::Library;
use crate::wrap::Widths;

#[derive(Debug, Clone)]
pub struct Sheet {
    /// The sides' headings and intros: a column a side, or one stacked.
    head: Vec<Column>,
    /// The row where each pair starts: the same on both sides.
    pub starts: Vec<usize>,
    /// What stands on each side of each row.
    pub rows: Vec<Row>,
    /// Each side's short name, as the stacked layout labels its items.
    names: [String; 2],
    height: usize,
    width: usize,
    widths: Widths,
    stacked: bool,
}

impl Sheet {
    /// The sides' rows, counted, not kept.
    #[must_use]
    pub fn new(lib: &Library, sides: &Sides, width: usize, widths: Widths, stacked: bool) -> Self {
        let mut head: Vec<Column> = vec![Vec::new(); if stacked { 1 } else { 2 }];
        // Between versions the sides' own headings are rows of their own.
        for (i, node) in sides.nodes.iter().enumerate() {
            // A part whole on its row has no head above it.
            if let Some(node) = *node
                && !sides.versions
                && !lib.node(node).children.is_empty()
            {
                let col = &mut head[if stacked { 0 } else { i }];
                col.extend(intro(lib, node, width, widths));
            }
        }
        if !stacked {
            pad(&mut head);
        }
        // Each item's height, counted on all cores without laying it out.
        let tall = on_all_cores(&sides.rows, |row| {
            row.items
                .map(|i| i.map(|i| item_height(lib, i, width, widths)))
        });
        let mut starts = Vec::with_capacity(sides.rows.len());
        let mut at = head[0].len();
        for (row, [l, r]) in sides.rows.iter().zip(tall) {
            starts.push(at);
            // A version lacking a paragraph says so in one line.
            let gap = usize::from(row.change.is_some());
            at += 1 + if stacked {
                // A side label above each side's lines.
                l.map_or(gap * 2, |l| l + 1) + r.map_or(gap * 2, |r| r + 1)
            } else {
                l.unwrap_or(gap).max(r.unwrap_or(gap))
            };
        }
        Sheet {
            head,
            starts,
            rows: sides.rows.clone(),
            names: sides.short.clone(),
            height: at,
            width,
            widths,
            stacked,
        }
    }

    /// Columns it has: two side by side, one stacked.
    #[must_use]
    pub fn sides(&self) -> usize {
        self.head.len()
    }

    #[must_use]
    pub fn height(&self) -> usize {
        self.height
    }

    /// The row a line belongs to (with the rule after it); `None` for the
    /// sides' headings and intros above the first row.
    #[must_use]
    pub fn pair_at(&self, row: usize) -> Option<usize> {
        self.starts.partition_point(|&s| s <= row).checked_sub(1)
    }

    /// The lines of `rows` on one side, laid out now.
    #[must_use]
    pub fn lines(&self, lib: &Library, side: usize, rows: Range<usize>) -> Vec<Line> {
        let Some(head) = self.head.get(side) else {
            return Vec::new();
        };
        let rows = rows.start..rows.end.min(self.height);
        if rows.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<Line> = head
            .get(rows.start.min(head.len())..rows.end.min(head.len()))
            .unwrap_or_default()
            .to_vec();
        let Some(first) = self.pair_at(rows.start.max(head.len())) else {
            return out;
        };
        for i in first..self.rows.len() {
            let start = self.starts[i];
            if start >= rows.end {
                break;
            }
            let block = self.row_lines(lib, i, side);
            let skip = rows.start.saturating_sub(start);
            let take = rows.end.saturating_sub(start.max(rows.start));
            out.extend(block.into_iter().skip(skip).take(take));
        }
        out
    }

    /// Row `i` on one side as the whole table has it: its lines, padded
    /// to the other side's, and the rule after them.
    fn row_lines(&self, lib: &Library, i: usize, side: usize) -> Column {
        let row = self.rows[i];
        // What changed, in a changed pair or one only renumbered.
        let changed = match row.items {
            [Some(Item::Text(a)), Some(Item::Text(b))] if lib.text(a) != lib.text(b) => {
                changed_bytes(
                    lib.text(a).unwrap_or_default(),
                    lib.text(b).unwrap_or_default(),
                )
            }
            // A paragraph added or deleted is changed whole.
            [l, r] if matches!(row.change, Some(Change::Added | Change::Deleted)) => {
                [l, r].map(|i| match i {
                    Some(Item::Text(a)) => {
                        std::iter::once(0..lib.text(a).map_or(0, str::len)).collect()
                    }
                    _ => Vec::new(),
                })
            }
            _ => [Vec::new(), Vec::new()],
        };
        let laid = |s: usize| -> Column {
            let Some(item) = row.items[s] else {
                // A version lacking the paragraph says what became of it.
                return match row.change {
                    Some(c) => {
                        let mut line = Line::new(Kind::Side, None, format!("（{}）", c.label()));
                        (line.head, line.side) = (true, s);
                        vec![line]
                    }
                    None => Vec::new(),
                };
            };
            let mut col = item_lines(lib, item, &changed[s], self.width, self.widths);
            for line in &mut col {
                line.side = s;
            }
            col
        };
        let end = if row.change.is_some() {
            Line::blank(None)
        } else {
            Line::new(
                Kind::Rule,
                None,
                "─".repeat(self.width / self.widths.char('─').max(1)),
            )
        };
        let mut col = if self.stacked {
            let mut col = Vec::new();
            for s in 0..2 {
                // Between versions a side lacking the paragraph says so.
                if row.items[s].is_some() || row.change.is_some() {
                    let mut label = Line::new(Kind::Side, None, self.names[s].clone());
                    label.side = s;
                    col.push(label);
                    col.extend(laid(s));
                }
            }
            col
        } else {
            let mut cols = [laid(0), laid(1)];
            pad(&mut cols);
            std::mem::take(&mut cols[side])
        };
        col.push(end);
        for line in &mut col {
            line.row = Some(i);
        }
        col
    }
}
