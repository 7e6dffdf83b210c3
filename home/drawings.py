"""Pictures the project draws itself (no downloads, nothing to license): simple shapes in strong
colours and no words, so that every campaign is recognisable at a glance and nothing needs
translating. Every drawing scales to the size it is given. Content packs name a motif, a
background and colours (home/packs.py); the demo's campaigns draw theirs the same way."""

import math


def drawing(motif, background, colours):
    """A function for ensure_image that paints `motif` in `colours` on `background`."""

    def draw(pen, size):
        width, height = size
        pen.rectangle((0, 0, width, height), fill=background)
        MOTIFS[motif](pen, width, height, background, colours)

    return draw


def circle(pen, x, y, radius, **style):
    pen.ellipse((x - radius, y - radius, x + radius, y + radius), **style)


def draw_angela(pen, w, h, background, colours):
    """A speech bubble beside a glass."""
    s = min(w, h)
    bubble = (w * 0.18, h * 0.2, w * 0.18 + s * 0.75, h * 0.2 + s * 0.45)
    pen.rounded_rectangle(bubble, radius=s * 0.08, fill=colours[0])
    tail_x = bubble[0] + s * 0.15
    pen.polygon(
        [
            (tail_x, bubble[3] - 2),
            (tail_x + s * 0.12, bubble[3] - 2),
            (tail_x, bubble[3] + s * 0.14),
        ],
        fill=colours[0],
    )
    for step in range(3):
        circle(
            pen,
            bubble[0] + s * (0.22 + 0.16 * step),
            (bubble[1] + bubble[3]) / 2,
            s * 0.04,
            fill=background,
        )
    left, top = w * 0.72, h * 0.3
    pen.polygon(
        [
            (left, top),
            (left + s * 0.22, top),
            (left + s * 0.15, top + s * 0.22),
            (left + s * 0.07, top + s * 0.22),
        ],
        fill=colours[1],
    )
    pen.rectangle(
        (left + s * 0.1, top + s * 0.22, left + s * 0.12, top + s * 0.42), fill=colours[1]
    )
    pen.rectangle(
        (left + s * 0.03, top + s * 0.42, left + s * 0.19, top + s * 0.45), fill=colours[1]
    )
    circle(pen, left + s * 0.17, top + s * 0.05, s * 0.035, fill=colours[2])


def draw_circles(pen, w, h, background, colours):
    """A ring of overlapping circles of every colour: one community."""
    s = min(w, h)
    radius = s * 0.17
    for step in range(10):
        angle = 2 * math.pi * step / 10
        x = w / 2 + math.cos(angle) * s * 0.27
        y = h / 2 + math.sin(angle) * s * 0.27
        circle(pen, x, y, radius, fill=colours[step % len(colours)])
    circle(pen, w / 2, h / 2, s * 0.12, fill=background)


def draw_ribbon(pen, w, h, background, colours):
    """An awareness ribbon, and sixteen dots for the sixteen days."""
    s = min(w, h)
    x, top = w / 2, h * 0.12
    thickness = int(s * 0.08)
    pen.line((x + s * 0.12, top + s * 0.3, x - s * 0.2, h * 0.9), fill=colours[0], width=thickness)
    pen.line((x - s * 0.12, top + s * 0.3, x + s * 0.2, h * 0.9), fill=colours[0], width=thickness)
    pen.ellipse(
        (x - s * 0.17, top, x + s * 0.17, top + s * 0.46), outline=colours[0], width=thickness
    )
    for day in range(16):
        side = -1 if day % 2 == 0 else 1
        row = day // 2
        dot_x = x + side * w * (0.3 + 0.04 * (row % 2))
        dot_y = h * 0.12 + row * h * 0.105
        circle(pen, dot_x, dot_y, s * 0.025, fill=colours[1])


def draw_sun(pen, w, h, background, colours):
    """A high summer sun over a garden and a house."""
    s = min(w, h)
    sun_x, sun_y, radius = w * 0.72, h * 0.3, s * 0.14
    for step in range(12):
        angle = 2 * math.pi * step / 12
        pen.line(
            (
                sun_x + math.cos(angle) * radius * 1.3,
                sun_y + math.sin(angle) * radius * 1.3,
                sun_x + math.cos(angle) * radius * 1.9,
                sun_y + math.sin(angle) * radius * 1.9,
            ),
            fill=colours[0],
            width=int(s * 0.025),
        )
    circle(pen, sun_x, sun_y, radius, fill=colours[0])
    pen.rectangle((0, h * 0.72, w, h), fill=colours[1])
    house = (w * 0.14, h * 0.5, w * 0.14 + s * 0.36, h * 0.78)
    pen.rectangle(house, fill=colours[2])
    pen.polygon(
        [
            (house[0] - s * 0.04, house[1]),
            ((house[0] + house[2]) / 2, house[1] - s * 0.18),
            (house[2] + s * 0.04, house[1]),
        ],
        fill=colours[3],
    )
    pen.rectangle(
        (house[0] + s * 0.14, house[1] + s * 0.12, house[0] + s * 0.22, house[3]), fill=colours[3]
    )


def draw_dusk(pen, w, h, background, colours):
    """Bands of evening sky, a low sun and trees in the park."""
    for step, colour in enumerate(colours[:4]):
        pen.rectangle((0, h * 0.15 * step, w, h * 0.15 * (step + 1)), fill=colour)
    s = min(w, h)
    circle(pen, w * 0.5, h * 0.68, s * 0.2, fill=colours[4])
    pen.rectangle((0, h * 0.68, w, h), fill=colours[5])
    for x in (0.12, 0.24, 0.78, 0.9):
        pen.rectangle((w * x - s * 0.015, h * 0.55, w * x + s * 0.015, h * 0.75), fill=colours[6])
        circle(pen, w * x, h * 0.5, s * 0.09, fill=colours[6])


def draw_fireworks(pen, w, h, background, colours):
    """Bursts of fireworks over the rooftops."""
    s = min(w, h)
    bursts = [(0.22, 0.3, 0.16), (0.52, 0.22, 0.13), (0.8, 0.35, 0.15), (0.4, 0.55, 0.1)]
    for number, (fx, fy, size) in enumerate(bursts):
        colour = colours[number % len(colours)]
        x, y = w * fx, h * fy
        for step in range(16):
            angle = 2 * math.pi * step / 16
            end_x, end_y = x + math.cos(angle) * s * size, y + math.sin(angle) * s * size
            pen.line((x, y, end_x, end_y), fill=colour, width=max(3, int(s * 0.008)))
            circle(pen, end_x, end_y, s * 0.012, fill=colour)
    for step in range(8):
        left = w * step / 8
        top = h * (0.78 if step % 2 else 0.72)
        pen.rectangle((left, top, left + w / 8 + 1, h), fill="#000000")


def draw_moon(pen, w, h, background, colours):
    """A crescent moon and stars over a row of houses with lit windows."""
    s = min(w, h)
    circle(pen, w * 0.78, h * 0.25, s * 0.13, fill=colours[0])
    circle(pen, w * 0.78 + s * 0.06, h * 0.25 - s * 0.04, s * 0.12, fill=background)
    for fx, fy in ((0.1, 0.12), (0.25, 0.25), (0.42, 0.1), (0.55, 0.3), (0.62, 0.08), (0.93, 0.45)):
        circle(pen, w * fx, h * fy, s * 0.012, fill=colours[0])
    house_width = w / 5
    for step in range(5):
        left = step * house_width
        top = h * (0.55 if step % 2 else 0.6)
        pen.rectangle((left + 4, top, left + house_width - 4, h), fill=colours[1])
        pen.polygon(
            [(left, top), (left + house_width / 2, top - h * 0.12), (left + house_width, top)],
            fill=colours[1],
        )
        window = colours[2] if step in (0, 2, 3) else colours[3]
        pen.rectangle(
            (left + house_width * 0.3, top + h * 0.08, left + house_width * 0.7, top + h * 0.2),
            fill=window,
        )


def draw_shield(pen, w, h, background, colours):
    """A shield between rising circles."""
    s = min(w, h)
    for step in range(6):
        x = w * (0.08 + 0.168 * step)
        circle(pen, x, h * 0.85, s * (0.08 + 0.03 * (step % 3)), fill=colours[2])
    x, top = w / 2, h * 0.1
    points = [
        (x - s * 0.3, top),
        (x + s * 0.3, top),
        (x + s * 0.3, top + s * 0.42),
        (x, top + s * 0.78),
        (x - s * 0.3, top + s * 0.42),
    ]
    pen.polygon(points, fill=colours[0])
    inner = [(x + (px - x) * 0.7, top + s * 0.1 + (py - top) * 0.7) for px, py in points]
    pen.polygon(inner, fill=colours[1])


def draw_padlock(pen, w, h, background, colours):
    """A padlock, with friends either side."""
    s = min(w, h)
    x, y = w / 2, h * 0.55
    pen.arc(
        (x - s * 0.16, y - s * 0.42, x + s * 0.16, y - s * 0.06),
        180,
        360,
        fill=colours[1],
        width=int(s * 0.06),
    )
    pen.rectangle(
        (x - s * 0.16 - s * 0.03, y - s * 0.24, x - s * 0.1, y - s * 0.1), fill=colours[1]
    )
    pen.rectangle((x + s * 0.1, y - s * 0.24, x + s * 0.19, y - s * 0.1), fill=colours[1])
    pen.rounded_rectangle(
        (x - s * 0.26, y - s * 0.12, x + s * 0.26, y + s * 0.3), radius=s * 0.05, fill=colours[0]
    )
    circle(pen, x, y + s * 0.05, s * 0.05, fill=background)
    pen.rectangle((x - s * 0.02, y + s * 0.05, x + s * 0.02, y + s * 0.17), fill=background)
    for side in (-1, 1):
        for offset in (0.28, 0.4):
            fx = x + side * w * offset
            circle(pen, fx, h * 0.5, s * 0.06, fill=colours[2])
            pen.pieslice((fx - s * 0.1, h * 0.6, fx + s * 0.1, h * 0.84), 180, 360, fill=colours[2])


def draw_fields(pen, w, h, background, colours):
    """Rolling fields, a barn and a fence."""
    s = min(w, h)
    pen.ellipse((-w * 0.3, h * 0.45, w * 0.7, h * 1.5), fill=colours[0])
    pen.ellipse((w * 0.3, h * 0.55, w * 1.4, h * 1.6), fill=colours[1])
    left, top = w * 0.58, h * 0.38
    pen.rectangle((left, top, left + s * 0.3, top + s * 0.26), fill=colours[2])
    pen.polygon(
        [(left - s * 0.03, top), (left + s * 0.15, top - s * 0.15), (left + s * 0.33, top)],
        fill=colours[3],
    )
    pen.rectangle((left + s * 0.1, top + s * 0.1, left + s * 0.2, top + s * 0.26), fill=colours[3])
    for step in range(9):
        post_x = w * (0.05 + 0.05 * step)
        pen.rectangle((post_x, h * 0.7, post_x + s * 0.015, h * 0.84), fill=colours[4])
    pen.rectangle((w * 0.05, h * 0.73, w * 0.46, h * 0.745), fill=colours[4])
    pen.rectangle((w * 0.05, h * 0.78, w * 0.46, h * 0.795), fill=colours[4])


def draw_road(pen, w, h, background, colours):
    """A road running away to the horizon between green verges."""
    pen.rectangle((0, h * 0.45, w, h), fill=colours[0])
    pen.polygon(
        [(w * 0.47, h * 0.45), (w * 0.53, h * 0.45), (w * 0.9, h), (w * 0.1, h)], fill=colours[1]
    )
    for step in range(5):
        near = (step + 1) / 5
        far = step / 5 + 0.08
        y_top = h * (0.45 + 0.55 * far**1.5)
        y_bottom = h * (0.45 + 0.55 * near**1.5) - h * 0.03
        half_top = w * (0.004 + 0.012 * far)
        half_bottom = w * (0.004 + 0.012 * near)
        pen.polygon(
            [
                (w / 2 - half_top, y_top),
                (w / 2 + half_top, y_top),
                (w / 2 + half_bottom, y_bottom),
                (w / 2 - half_bottom, y_bottom),
            ],
            fill=colours[2],
        )
    circle(pen, w * 0.2, h * 0.22, min(w, h) * 0.08, fill=colours[3])


def draw_chain(pen, w, h, background, colours):
    """A chain of links, one of them broken open."""
    s = min(w, h)
    thickness = int(s * 0.05)
    link_width, link_height = w * 0.2, s * 0.3
    for step in range(5):
        left = w * 0.04 + step * link_width * 0.82
        top = h / 2 - link_height / 2 + (s * 0.05 if step % 2 else -s * 0.05)
        box = (left, top, left + link_width, top + link_height)
        colour = colours[step % 2]
        if step == 3:
            pen.arc(box, 110, 250, fill=colours[2], width=thickness)
            pen.arc(box, 290, 70, fill=colours[2], width=thickness)
        else:
            pen.ellipse(box, outline=colour, width=thickness)


def draw_partners(pen, w, h, background, colours):
    """Partners, as coloured circles, around a shared table (the first colour is the table)."""
    table, *seats = colours or [
        "#0b5c3e",
        "#1d70b8",
        "#ca3535",
        "#f47738",
        "#54319f",
        "#158187",
        "#505a5f",
    ]
    pen.ellipse((w * 0.3, h * 0.35, w * 0.7, h * 0.75), fill=table)
    for index, colour in enumerate(seats):
        x = w * (0.18 + 0.64 / max(len(seats) - 1, 1) * index)
        y = h * (0.2 if index % 2 == 0 else 0.82)
        pen.ellipse((x - 50, y - 50, x + 50, y + 50), fill=colour)


MOTIFS = {
    "angela": draw_angela,
    "circles": draw_circles,
    "ribbon": draw_ribbon,
    "sun": draw_sun,
    "dusk": draw_dusk,
    "fireworks": draw_fireworks,
    "moon": draw_moon,
    "shield": draw_shield,
    "padlock": draw_padlock,
    "fields": draw_fields,
    "road": draw_road,
    "chain": draw_chain,
    "partners": draw_partners,
}
