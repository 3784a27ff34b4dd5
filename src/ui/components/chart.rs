//! A small SVG line chart: no library, no canvas, prints crisply.

use crate::text::{fixed, shortest};
use leptos::prelude::*;

/// An SVG coordinate: a tenth of a unit is finer than the eye can see.
fn px(v: f64) -> String {
    fixed(v, 1)
}

/// A count of months as an x tick label: whole months only. A horizon of a
/// month or two has ticks on quarters, and "0.25" months reads as an error.
pub fn whole_months(x: f64) -> String {
    if x.fract() == 0.0 {
        shortest(x)
    } else {
        String::new()
    }
}

/// One line of a chart, in data units.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub points: Vec<(f64, f64)>,
    /// CSS class giving the line its colour and dash.
    pub class: &'static str,
}

/// The points of a quantity that changes only at its points (shares
/// vested on vesting dates) drawn as a staircase: each change is a jump at
/// its x, where a plain line would ramp from the point before.
pub fn steps(points: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(points.len() * 2);
    for (x, y) in points {
        if let Some(&(_, before)) = out.last() {
            if before != y {
                out.push((x, before));
            }
        }
        out.push((x, y));
    }
    out
}

/// A labelled point drawn on top of the lines.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct ChartData {
    pub lines: Vec<Line>,
    pub markers: Vec<Marker>,
}

const W: f64 = 640.0;
const H: f64 = 280.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
/// Room for the x labels and the x title, at the 20-unit text of a phone
/// and of paper too, with a little air between them (at 52 their boxes
/// touched, and on paper overlapped by a unit).
const BOTTOM: f64 = 56.0;

/// "Nice" tick values covering `min..=max`, with 0 among them when the
/// range holds it (a cash flow that starts below zero).
fn ticks(min: f64, max: f64) -> Vec<f64> {
    let span = max.max(0.0) - min.min(0.0);
    if !(span.is_finite() && span > 0.0) {
        return vec![0.0, 1.0];
    }
    let rough = span / 4.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= rough)
        .unwrap_or(rough);
    let first = (min.min(0.0) / step).floor() as i32;
    (first..=first + 6)
        .map(|i| f64::from(i) * step)
        .take_while(|t| *t <= max.max(0.0) + step * 0.999)
        .collect()
}

/// From data units to SVG coordinates, with the axes' tick values.
#[derive(Clone, Debug, PartialEq)]
struct Scale {
    x_max: f64,
    y_min: f64,
    /// The top of the y axis: the last tick.
    y_top: f64,
    x_ticks: Vec<f64>,
    y_ticks: Vec<f64>,
}

impl Scale {
    /// The smallest "nice" axes that hold every finite point, from 0.
    fn fit(data: &ChartData) -> Self {
        let (mut x_max, mut y_max, mut y_min) = (1.0f64, 0.0f64, 0.0f64);
        for &(x, y) in data.lines.iter().flat_map(|l| l.points.iter()) {
            if x.is_finite() && y.is_finite() {
                x_max = x_max.max(x);
                y_max = y_max.max(y);
                y_min = y_min.min(y);
            }
        }
        let y_ticks = ticks(y_min, y_max);
        Scale {
            x_max,
            y_min: y_ticks.first().copied().unwrap_or(0.0).min(y_min),
            y_top: y_ticks.last().copied().unwrap_or(1.0).max(1e-9),
            // The x axis ends at the data (a 36-month horizon has no tick at 40).
            x_ticks: ticks(0.0, x_max)
                .into_iter()
                .filter(|t| *t <= x_max)
                .collect(),
            y_ticks,
        }
    }

    fn x(&self, x: f64) -> f64 {
        LEFT + x / self.x_max * (W - LEFT - RIGHT)
    }

    fn y(&self, y: f64) -> f64 {
        TOP + (self.y_top - y) / (self.y_top - self.y_min).max(1e-9) * (H - TOP - BOTTOM)
    }

    /// A line's finite points, in SVG units.
    fn points(&self, points: &[(f64, f64)]) -> Vec<(f64, f64)> {
        points
            .iter()
            .filter(|(x, y)| x.is_finite() && y.is_finite())
            .map(|&(x, y)| (self.x(x), self.y(y)))
            .collect()
    }
}

/// How an x-axis label sits on its tick at `x`: centred, unless that would
/// cut it off at the right edge (it ends there instead) or run it into the
/// y-axis labels at the left (it starts there). Text is up to 20 units
/// high on a phone: about 12 units a character.
fn x_label_anchor(x: f64, label: &str) -> &'static str {
    let half = label.chars().count() as f64 * 6.0;
    if x + half > W {
        "end"
    } else if x - half < LEFT {
        "start"
    } else {
        "middle"
    }
}

/// Where a marker's label is drawn, in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelAt {
    pub x: f64,
    pub y: f64,
    /// "start" or "end": the text runs right or left of `x`.
    pub anchor: &'static str,
    /// Set: the text hangs below `y`; else it stands on it.
    pub hanging: bool,
    /// For a label set apart from its point: the y at which a leader line
    /// from the point reaches it, straight above or below the point.
    pub leader: Option<f64>,
}

/// A rectangle, `(left, top, right, bottom)` in SVG units.
pub type Area = (f64, f64, f64, f64);

/// Whether the segment from `a` to `b` passes through `area`
/// (Liang–Barsky clipping).
fn crosses(a: (f64, f64), b: (f64, f64), (left, top, right, bottom): Area) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, a.0 - left),
        (dx, right - a.0),
        (-dy, a.1 - top),
        (dy, bottom - a.1),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else if p < 0.0 {
            enter = enter.max(q / p);
        } else {
            leave = leave.min(q / p);
        }
    }
    enter <= leave
}

/// Where the label of a marker at `(x, y)` goes, `chars` long, among the
/// `lines` (their points in SVG units) and the labels `taken` already:
/// right of the point and above it, else below it, else left above, left
/// below; else set apart, straight above or below the point at a growing
/// distance and joined to it by a leader line. The first place no line
/// crosses and that stays in the plot, for a phone's 20-unit text if one
/// is clear, else for the desktop's 12. With no clear place, above right:
/// the label's halo keeps it legible there.
pub fn place_label(
    (x, y): (f64, f64),
    chars: usize,
    lines: &[Vec<(f64, f64)>],
    taken: &[Area],
) -> (LabelAt, Area) {
    const GAP: f64 = 8.0;
    let width = |size: f64| chars as f64 * 0.64 * size;
    // Bold text is about 0.64 em a character; the halo adds 4 units.
    let area = |at: &LabelAt, size: f64| {
        let (left, right) = if at.anchor == "start" {
            (at.x, at.x + width(size))
        } else {
            (at.x - width(size), at.x)
        };
        let (top, bottom) = if at.hanging {
            (at.y, at.y + size)
        } else {
            (at.y - 0.8 * size, at.y + 0.25 * size)
        };
        (left - 4.0, top - 4.0, right + 4.0, bottom + 4.0)
    };
    let near = |size: f64| {
        [
            (x + GAP, y - GAP, "start", false),
            (x + GAP, y + GAP, "start", true),
            (x - GAP, y - GAP, "end", false),
            (x - GAP, y + GAP, "end", true),
        ]
        .map(|(x, y, anchor, hanging)| {
            let at = LabelAt {
                x,
                y,
                anchor,
                hanging,
                leader: None,
            };
            (at, area(&at, size))
        })
    };
    // Centred on the point's x where the plot has room, else against the
    // plot's edge: the leader always meets the label.
    let apart = move |size: f64| {
        let left = (x - width(size) / 2.0)
            .min(W - RIGHT - width(size))
            .max(LEFT);
        (1..=10).flat_map(move |step| {
            let away = GAP + 12.0 * f64::from(step);
            [(y - away, false), (y + away, true)].map(|(at_y, hanging)| {
                let at = LabelAt {
                    x: left,
                    y: at_y,
                    anchor: "start",
                    hanging,
                    leader: Some(at_y),
                };
                (at, area(&at, size))
            })
        })
    };
    let clear = |&(at, b): &(LabelAt, Area)| {
        let leader = at.leader.map(|end| {
            // From the edge of the point's dot.
            let from = y + 6.0_f64.copysign(end - y);
            (x, from.min(end), x, from.max(end))
        });
        b.0 >= LEFT - 4.0
            && b.2 <= W
            && b.1 >= 0.0
            && b.3 <= H - BOTTOM + 4.0
            && !lines.iter().any(|l| {
                l.windows(2).any(|s| {
                    crosses(s[0], s[1], b) || leader.is_some_and(|a| crosses(s[0], s[1], a))
                })
            })
            && taken
                .iter()
                .all(|t| b.2 <= t.0 || t.2 <= b.0 || b.3 <= t.1 || t.3 <= b.1)
    };
    [20.0, 12.0]
        .into_iter()
        .flat_map(|size| near(size).into_iter().chain(apart(size)))
        .find(clear)
        .unwrap_or_else(|| near(20.0)[0])
}

/// A line chart of `data`, with axis titles and a text summary for screen
/// readers. `y_format` and `x_format` turn axis values into labels.
#[component]
pub fn LineChart(
    /// The lines and the marked points.
    #[prop(into)]
    data: Signal<ChartData>,
    /// Describes the chart for assistive technology.
    #[prop(into)]
    summary: Signal<String>,
    /// The x axis's title, e.g. "Months since acquisition".
    x_title: &'static str,
    /// The y axis's title.
    y_title: &'static str,
    /// An x value as its tick label.
    #[prop(into)]
    x_format: Callback<f64, String>,
    /// A y value as its tick label.
    #[prop(into)]
    y_format: Callback<f64, String>,
) -> impl IntoView {
    let scale = Memo::new(move |_| data.with(Scale::fit));
    let path = move |points: &[(f64, f64)]| {
        scale
            .with(|s| s.points(points))
            .into_iter()
            .enumerate()
            .map(|(i, (x, y))| {
                let command = if i == 0 { 'M' } else { 'L' };
                format!("{command}{},{}", px(x), px(y))
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let at = move |f: fn(&Scale, f64) -> f64, v: f64| scale.with(|s| f(s, v));
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {} {}", px(W), px(H)) role="img" aria-label=move || summary.get()>
                <g class="grid">
                    {move || {
                        scale
                            .with(|s| s.y_ticks.clone())
                            .into_iter()
                            .map(|t| {
                                let y = at(Scale::y, t);
                                view! {
                                    <line x1=px(LEFT) x2=px(W - RIGHT) y1=px(y) y2=px(y) />
                                    <text x=px(LEFT - 6.0) y=px(y) text-anchor="end" dominant-baseline="central">
                                        {y_format.run(t)}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                    {move || {
                        scale
                            .with(|s| s.x_ticks.clone())
                            .into_iter()
                            .map(|t| {
                                let label = x_format.run(t);
                                let x = at(Scale::x, t);
                                let anchor = x_label_anchor(x, &label);
                                view! {
                                    <text x=px(x) y=px(H - BOTTOM + 8.0) text-anchor=anchor dominant-baseline="hanging">
                                        {label}
                                    </text>
                                }
                            })
                            .collect_view()
                    }}
                    <text x=px((LEFT + W - RIGHT) / 2.0) y=px(H - 4.0) text-anchor="middle" class="axis-title">
                        {x_title}
                    </text>
                    <text
                        x="14"
                        y=px((TOP + H - BOTTOM) / 2.0)
                        text-anchor="middle"
                        class="axis-title y-title"
                        transform=format!("rotate(-90 14 {})", px((TOP + H - BOTTOM) / 2.0))
                    >
                        {y_title}
                    </text>
                </g>
                {move || {
                    data.get()
                        .lines
                        .into_iter()
                        .map(|l| view! { <path class=format!("line {}", l.class) d=path(&l.points) /> })
                        .collect_view()
                }}
                {move || {
                    let data = data.get();
                    let lines: Vec<_> = scale.with(|s| data.lines.iter().map(|l| s.points(&l.points)).collect());
                    let mut taken = Vec::new();
                    data.markers
                        .into_iter()
                        .filter(|m| m.x.is_finite() && m.y.is_finite())
                        .map(|m| {
                            let point = (at(Scale::x, m.x), at(Scale::y, m.y));
                            let (label, area) = place_label(point, m.label.chars().count(), &lines, &taken);
                            taken.push(area);
                            let leader = label.leader.map(|end| {
                                view! { <line class="leader" x1=px(point.0) x2=px(point.0) y1=px(point.1) y2=px(end) /> }
                            });
                            view! {
                                <g class="marker">
                                    {leader}
                                    <circle cx=px(point.0) cy=px(point.1) r="5" />
                                    <text
                                        x=px(label.x)
                                        y=px(label.y)
                                        text-anchor=label.anchor
                                        dominant-baseline=if label.hanging { "hanging" } else { "alphabetic" }
                                    >
                                        {m.label}
                                    </text>
                                </g>
                            }
                        })
                        .collect_view()
                }}
            </svg>
            <figcaption class="legend">
                {move || {
                    data.get()
                        .lines
                        .into_iter()
                        .map(|l| view! { <span class=format!("key {}", l.class)>{l.label}</span> })
                        .collect_view()
                }}
            </figcaption>
        </figure>
    }
}
