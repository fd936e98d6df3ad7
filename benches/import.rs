//! `cargo bench --bench import`: `zhizao import` on pages at 1×, 2× and 4×
//! a size, to show every pass over a page is linear (each row about twice
//! the one before, never four times): a page of numbered lines, one of
//! numbered parts each with a paragraph, a Markdown page of `##`
//! headings, an HTML page (navigation around an article of `<h2>` parts),
//! an HTML page nested just under the depth read, a code of law (chapters,
//! articles, lists inside them), PDF text with a running header and page
//! number at every break, and a page whose lists false headings break
//! (each read again as text, with a warning). Medians of 5 runs.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use zhizao::import::{Format, Options, import};

fn median(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1000.0
}

fn numbered(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = writeln!(page, "{i}、第{i}部分的内容，说明一些情况。");
    }
    page
}

fn parts(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = write!(page, "{i}. 第{i}部分\n\n这是第{i}部分的内容。\n\n");
    }
    page
}

fn headings(n: usize) -> String {
    let mut page = String::from("# 总标题\n\n");
    for i in 1..=n {
        let _ = write!(page, "## 小标题{i}\n\n正文{i}，说明一些情况。\n\n");
    }
    page
}

fn html(n: usize) -> String {
    let mut page = String::from(
        "<!DOCTYPE html><html><head><title>标题_网站</title><script>var a = 1;</script></head>\
         <body><nav><a href=\"/\">首页</a><a href=\"/n\">新闻</a></nav><article><h1>标题</h1>",
    );
    for i in 1..=n {
        let _ = writeln!(
            page,
            "<h2>小标题{i}</h2><p>　　正文{i}，说明一些情况，又一句。</p>"
        );
    }
    page.push_str("</article><footer>版权所有</footer></body></html>");
    page
}

/// Blocks nested 500 deep, one after another: the deepest a page may be.
fn nested(n: usize) -> String {
    let mut page = String::from("<!DOCTYPE html><html><body>");
    for i in 0..n / 50 {
        let _ = write!(
            page,
            "{}<p>正文{i}，说明一些情况。</p>{}",
            "<div>".repeat(500),
            "</div>".repeat(500)
        );
    }
    page.push_str("</body></html>");
    page
}

fn han(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_owned(),
        10 => "十".into(),
        11..=19 => format!("十{}", D[n - 10]),
        _ if n.is_multiple_of(10) => format!("{}十", D[n / 10]),
        _ => format!("{}十{}", D[n / 10], D[n % 10]),
    }
}

fn code(n: usize) -> String {
    let mut page = String::from("中华人民共和国某某法\n\n");
    // Fifty chapters, whatever the size.
    let per = n.div_ceil(50);
    for i in 1..=n {
        if i % per == 1 {
            let _ = write!(page, "第{}章 第{}部分\n\n", han(i / per + 1), i / per + 1);
        }
        let _ = write!(
            page,
            "第{i}条 有下列情形之一的，依照本法处理：\n（一）第一种情形；\n（二）第二种情形。\n\n"
        );
    }
    page
}

fn pdf(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        if i % 40 == 1 {
            let p = i / 40 + 1;
            let _ = write!(page, "2023年12月11日每周一学第{p}版\n{}\n", p % 1000);
        }
        let _ = writeln!(
            page,
            "第{i}行正文，一段说明的文字，排得满满的一行字，接到下一行"
        );
    }
    page
}

/// `pdftotext -layout` of two-column pages: forty lines a page, a form
/// feed after each.
fn two_columns(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = writeln!(
            page,
            "第{i:05}行左栏的正文，一段说明的文字，排满一行          第{i:05}行右栏的正文，另一段文字接着排"
        );
        if i % 40 == 0 {
            page.push('\u{c}');
        }
    }
    page
}

/// A journal's `MuPDF` text: its name spelled a character a line at each
/// page's head, with volume and page number; a numbered part heading
/// spelled out every hundred lines.
fn journal(n: usize) -> String {
    let mut page = String::from("题目：\n论文的题目\n\n论文的题目\n");
    for i in 1..=n {
        if i % 40 == 1 {
            let _ = write!(page, "{}\n控\n制\n与\n决\n策\n第xx卷\n", i / 40 % 100);
        }
        if i % 100 == 1 {
            let _ = write!(
                page,
                "{}\n第\n{}\n部\n分\n",
                i / 100 % 100,
                han(i / 100 % 90 + 1)
            );
        }
        let _ = writeln!(
            page,
            "第{i}行正文,一段说明的文字,排得满满的一行字,接到下一行"
        );
    }
    page
}

/// Short lines with no punctuation and no title: the page is one clause,
/// and its derived title is cut from it at a word's end.
fn unpunctuated(n: usize) -> String {
    let mut page = String::new();
    for i in 1..=n {
        let _ = write!(page, "{}人们就同发展{}\n\n", han(i % 90 + 1), i % 7);
    }
    page
}

fn broken(n: usize) -> String {
    let mut page = String::from("标题\n\n");
    for i in 1..=n {
        let _ = write!(
            page,
            "（{}）第{i}项\n\n这是第{i}项的内容。\n\n",
            han(i % 90 + 1)
        );
        if i % 3 == 0 {
            let _ = write!(page, "小结{i}\n\n");
        }
    }
    page
}

fn main() {
    let options = |format| Options {
        format,
        id: None,
        places: None,
        existing: &[],
        files_before: 0,
        strict: false,
    };
    println!("{:<56} {:>10}", "import, by page size", "median");
    for (what, page, format) in [
        (
            "numbered lines",
            numbered as fn(usize) -> String,
            Format::Text,
        ),
        ("numbered parts, each with a paragraph", parts, Format::Text),
        ("Markdown headings", headings, Format::Markdown),
        ("HTML parts", html, Format::Auto),
        ("HTML paragraphs nested 500 deep", nested, Format::Auto),
        ("articles of a code of law", code, Format::Text),
        ("PDF lines, a header at each page break", pdf, Format::Text),
        (
            "PDF lines in two columns (pdftotext -layout)",
            two_columns,
            Format::Text,
        ),
        ("items, false headings among them", broken, Format::Text),
        (
            "short lines, no punctuation, no title",
            unpunctuated,
            Format::Text,
        ),
        (
            "journal pages, a header spelled a character a line",
            journal,
            Format::Text,
        ),
    ] {
        for n in [10_000, 20_000, 40_000] {
            let text = page(n);
            let ms = median(5, || {
                std::hint::black_box(import(&text, &options(format)));
            });
            println!(
                "{:<56} {ms:>7.1} ms",
                format!("{n} {what} ({} kB)", text.len() / 1024)
            );
        }
    }
}
