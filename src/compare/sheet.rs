//! The comparison as the view holds it: where each lesson pair starts,
//! with only the rows on screen laid out. A big archive's whole table
//! holds every line of every lesson (89 MiB at 10,000 articles); a sheet
//! holds a row number a pair, and lays a pair out when it is drawn.

use std::ops::Range;

use super::{Column, Kind, Line, intro, lesson_height, lesson_lines, on_all_cores, pad};
use crate::content::{Library, NodeId, Scope};
use crate::wrap::Widths;

#[derive(Debug, Clone)]
pub struct Sheet {
    /// The lists' headings and intros: a column a side, or one stacked.
    head: Vec<Column>,
    /// The row where each lesson pair starts: the same on both sides.
    pub starts: Vec<usize>,
    /// Lessons by pair: `(domestic, foreign)`.
    pub pairs: Vec<(Option<NodeId>, Option<NodeId>)>,
    height: usize,
    width: usize,
    widths: Widths,
    stacked: bool,
}

impl Sheet {
    /// The rows of [`super::Table::side_by_side`] (or, stacked, of
    /// [`super::Table::stacked`]), counted, not kept.
    #[must_use]
    pub fn new(lib: &Library, width: usize, widths: Widths, stacked: bool) -> Self {
        let lists = [Scope::Domestic, Scope::Foreign].map(|s| (lib.lesson_list(s), lib.lessons(s)));
        let n = lists[0].1.len().max(lists[1].1.len());
        let mut head: Vec<Column> = vec![Vec::new(); if stacked { 1 } else { 2 }];
        for (i, (list, _)) in lists.iter().enumerate() {
            if let Some(list) = list {
                head[if stacked { 0 } else { i }].extend(intro(lib, *list, width, widths));
            }
        }
        if !stacked {
            pad(&mut head);
        }
        // Each lesson's height, counted on all cores without laying it out.
        let tall = lists
            .each_ref()
            .map(|(_, lessons)| on_all_cores(lessons, |l| lesson_height(lib, l, width, widths)));
        let mut starts = Vec::with_capacity(n);
        let mut row = head[0].len();
        for i in 0..n {
            starts.push(row);
            let [d, f] = tall.each_ref().map(|t| t.get(i).copied());
            row += 1 + if stacked {
                // A side label above each side's lines.
                d.map_or(0, |d| d + 1) + f.map_or(0, |f| f + 1)
            } else {
                d.unwrap_or(0).max(f.unwrap_or(0))
            };
        }
        let pairs = (0..n)
            .map(|i| (lists[0].1.get(i).copied(), lists[1].1.get(i).copied()))
            .collect();
        Sheet {
            head,
            starts,
            pairs,
            height: row,
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

    /// The lesson pair a row belongs to (with the rule after it); `None`
    /// for the lists' headings and intros above the first pair.
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
        for i in first..self.pairs.len() {
            let start = self.starts[i];
            if start >= rows.end {
                break;
            }
            let block = self.pair_lines(lib, i, side);
            let skip = rows.start.saturating_sub(start);
            let take = rows.end.saturating_sub(start.max(rows.start));
            out.extend(block.into_iter().skip(skip).take(take));
        }
        out
    }

    /// Pair `i` on one side as the whole table has it: its lines, padded
    /// to the other side's, and the rule after them.
    fn pair_lines(&self, lib: &Library, i: usize, side: usize) -> Column {
        let (d, f) = self.pairs[i];
        let rule = Line::new(
            Kind::Rule,
            None,
            "─".repeat(self.width / self.widths.char('─').max(1)),
        );
        let laid = |lesson: NodeId| lesson_lines(lib, lesson, self.width, self.widths);
        if self.stacked {
            let mut col = Vec::new();
            for (lesson, label) in [(d, "国内"), (f, "国外")] {
                if let Some(lesson) = lesson {
                    col.push(Line::new(Kind::Side, Some(lesson), label.to_owned()));
                    col.extend(laid(lesson));
                }
            }
            col.push(rule);
            return col;
        }
        let mut cols = [d, f].map(|l| l.map(laid).unwrap_or_default());
        pad(&mut cols);
        let mut col = std::mem::take(&mut cols[side]);
        col.push(rule);
        col
    }
}
