//! Pictures made by the portal's own code: the illustration of each kind of activity (SVG files
//! drawn for the project, in `app/illustrations/`, under the project's licence), their PNGs for
//! the sites a link is shared on, and the demo's pictures of the neighbourhood, drawn as SVG
//! from a number and turned into pixels by `resvg`.

use std::{collections::HashMap, fmt::Write, sync::OnceLock};

use resvg::{tiny_skia, usvg};

use crate::calendar::{ActivityKind, SHARE_IMAGE_SIZE};

/// The illustration of `kind`, as SVG.
pub fn illustration(kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Meal => include_str!("../../illustrations/meal.svg"),
        ActivityKind::BabyCafe => include_str!("../../illustrations/babycafe.svg"),
        ActivityKind::Sport => include_str!("../../illustrations/sport.svg"),
        ActivityKind::Learning => include_str!("../../illustrations/learning.svg"),
        ActivityKind::Party => include_str!("../../illustrations/party.svg"),
        ActivityKind::Walk => include_str!("../../illustrations/walk.svg"),
        ActivityKind::Meeting => include_str!("../../illustrations/meeting.svg"),
    }
}

/// The illustration of `kind` as a PNG of [`SHARE_IMAGE_SIZE`], drawn once per process (all
/// seven at the first call, a few milliseconds each). Call it on the CPU budget's threads.
pub fn share_png(kind: ActivityKind) -> Option<Vec<u8>> {
    static DRAWN: OnceLock<HashMap<ActivityKind, Vec<u8>>> = OnceLock::new();
    DRAWN
        .get_or_init(|| {
            let (width, height) = SHARE_IMAGE_SIZE;
            ActivityKind::ALL
                .into_iter()
                .filter_map(|kind| Some((kind, png(illustration(kind), width, height)?)))
                .collect()
        })
        .get(&kind)
        .cloned()
}

/// `svg` drawn into a PNG of `width` × `height` pixels (stretched to it), or None if it does
/// not read. Only for the project's own drawings: it has no fonts, so text is left out.
pub fn png(svg: &str, width: u32, height: u32) -> Option<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg, &usvg::Options::default()).ok()?;
    let size = tree.size();
    let mut pixmap = tiny_skia::Pixmap::new(width, height)?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(
            width as f32 / size.width(),
            height as f32 / size.height(),
        ),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().ok()
}

/// The width and height of a demo picture: wide enough for every stored variant.
pub const SCENE_SIZE: (u32, u32) = (1600, 900);

/// The sky, sun and ground of a scene: day, evening, dusk and a winter's day.
const SKIES: [(&str, &str, &str, &str); 4] = [
    ("#8ec5e8", "#dff1fb", "#f6d365", "#7fb069"),
    ("#f19c65", "#fbe3b9", "#fff3c4", "#6a994e"),
    ("#2b3a55", "#7a6c9e", "#f4f1de", "#3d5a40"),
    ("#b8d8e8", "#f4f9fb", "#ffffff", "#e8eef1"),
];

/// The walls of the housing blocks.
const WALLS: [&str; 5] = ["#c8553d", "#e9b949", "#d9d6cc", "#1f5f5b", "#a26769"];

/// A small deterministic number source (a linear congruential generator), so the same `seed`
/// draws the same picture on every machine; no randomness is needed, only variety.
struct Numbers(u32);

impl Numbers {
    fn next(&mut self, below: u32) -> u32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (self.0 >> 8) % below.max(1)
    }
}

/// A picture of the neighbourhood for the demo, as SVG: a sky, housing blocks with their
/// windows, trees and a path, varied by `seed`.
pub fn demo_scene(seed: u32) -> String {
    let (width, height) = SCENE_SIZE;
    let mut numbers = Numbers(seed.wrapping_mul(2_654_435_761).wrapping_add(7));
    let (sky_top, sky_bottom, sun, ground) = SKIES[(seed % SKIES.len() as u32) as usize];
    let horizon = 620;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" \
         width=\"{width}\" height=\"{height}\">\
         <defs><linearGradient id=\"sky\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">\
         <stop offset=\"0\" stop-color=\"{sky_top}\"/><stop offset=\"1\" stop-color=\"{sky_bottom}\"/>\
         </linearGradient></defs>\
         <rect width=\"{width}\" height=\"{height}\" fill=\"url(#sky)\"/>\
         <circle cx=\"{}\" cy=\"{}\" r=\"70\" fill=\"{sun}\"/>",
        200 + numbers.next(1200),
        120 + numbers.next(120),
    );
    // The housing blocks, left to right, with a gap of sky between some of them.
    let mut x = -40 + numbers.next(60) as i32;
    while x < width as i32 {
        let block_width = 180 + numbers.next(160) as i32;
        let floors = 3 + numbers.next(5) as i32;
        let block_height = floors * 62 + 30;
        let top = horizon - block_height;
        let wall = WALLS[numbers.next(WALLS.len() as u32) as usize];
        let _ = write!(
            svg,
            "<rect x=\"{x}\" y=\"{top}\" width=\"{block_width}\" height=\"{block_height}\" \
             fill=\"{wall}\"/><rect x=\"{x}\" y=\"{}\" width=\"{block_width}\" height=\"14\" \
             fill=\"#2b3a55\" opacity=\"0.5\"/>",
            top - 14
        );
        let columns = (block_width - 30) / 46;
        for floor in 0..floors {
            for column in 0..columns {
                let lit = numbers.next(3) == 0;
                let _ = write!(
                    svg,
                    "<rect x=\"{}\" y=\"{}\" width=\"26\" height=\"34\" fill=\"{}\"/>",
                    x + 22 + column * 46,
                    top + 20 + floor * 62,
                    if lit { "#fff3c4" } else { "#2b3a55" }
                );
            }
        }
        x += block_width + numbers.next(3) as i32 * 40 + 20;
    }
    let _ = write!(
        svg,
        "<rect x=\"0\" y=\"{horizon}\" width=\"{width}\" height=\"{}\" fill=\"{ground}\"/>\
         <path d=\"M{} {height} C {} 760 {} 700 {} {horizon}\" stroke=\"#e8dcc2\" \
         stroke-width=\"70\" fill=\"none\"/>",
        height - horizon as u32,
        500 + numbers.next(300),
        600 + numbers.next(200),
        760 + numbers.next(200),
        820 + numbers.next(100),
    );
    // Trees in front of the blocks.
    for _ in 0..(5 + numbers.next(5)) {
        let tree_x = numbers.next(width);
        let tree_y = horizon as u32 + 40 + numbers.next(180);
        let crown = 45 + numbers.next(40);
        let _ = write!(
            svg,
            "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"{}\" fill=\"#6b4f3a\"/>\
             <circle cx=\"{tree_x}\" cy=\"{}\" r=\"{crown}\" fill=\"#2d6a4f\"/>",
            tree_x - 8,
            tree_y - crown,
            crown + 10,
            tree_y - crown * 2,
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The demo picture of `seed` as a PNG of [`SCENE_SIZE`], to store through the same checks and
/// variants as an upload.
pub fn demo_png(seed: u32) -> Option<Vec<u8>> {
    let (width, height) = SCENE_SIZE;
    png(&demo_scene(seed), width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_illustration_draws_at_the_share_size() {
        for kind in ActivityKind::ALL {
            let png = share_png(kind).expect("the illustration draws");
            let picture = image::load_from_memory(&png).expect("a PNG");
            assert_eq!(
                (picture.width(), picture.height()),
                SHARE_IMAGE_SIZE,
                "{kind:?}"
            );
            // Drawn, not blank: more than one colour.
            let rgb = picture.to_rgb8();
            let first = rgb.get_pixel(0, 0);
            assert!(rgb.pixels().any(|pixel| pixel != first), "{kind:?}");
        }
    }

    #[test]
    fn demo_scenes_differ_and_make_every_variant() {
        let first = demo_png(1).expect("a scene draws");
        let second = demo_png(2).expect("a scene draws");
        assert_ne!(first, second);
        let variants = super::super::process::variants(&first).expect("an acceptable upload");
        let widths: Vec<u32> = variants.iter().map(|variant| variant.width).collect();
        assert_eq!(widths, [400, 800, 1600]);
    }
}
