"""The demo site's images: abstract illustrations drawn here with Pillow in the site's palette.

No photographs (no real people, no outside hosts) and no logos: each page gets a geometric drawing of its
subject (a skyline, a network, a street grid, façades, charts), the same every time for the same page, with its
focal point set so Wagtail's crops keep the drawing's centre of interest.
"""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.images.rect import Rect

from forum_site.images import make_renditions

WIDTH, HEIGHT = 1600, 1000
SCALE = 2  # drawn at twice the size and reduced: smooth edges without Pillow's anti-aliasing

INK = (27, 36, 48)
BRAND = (11, 93, 87)
BRAND_DARK = (7, 66, 62)
ACCENT = (181, 68, 27)
SAND = (233, 213, 176)
MINT = (143, 193, 181)
MIST = (242, 245, 244)
STONE = (207, 216, 214)
WHITE = (255, 255, 255)


def _skyline(draw, rnd, w, h):
    draw.rectangle((0, 0, w, h), fill=MIST)
    draw.ellipse((w * 0.66, h * 0.12, w * 0.82, h * 0.12 + w * 0.16), fill=SAND)
    # A network over the city: connected points, its links in the brand colour.
    points = [(rnd.uniform(0.08, 0.92) * w, rnd.uniform(0.08, 0.38) * h) for _ in range(9)]
    for a, b in zip(points, points[1:] + points[:1], strict=True):
        draw.line((a, b), fill=MINT, width=int(w * 0.003))
    for x, y in points:
        r = w * 0.008
        draw.ellipse((x - r, y - r, x + r, y + r), fill=BRAND)
    x = 0
    while x < w:
        bw = rnd.uniform(0.05, 0.11) * w
        bh = rnd.uniform(0.25, 0.6) * h
        colour = rnd.choice([BRAND, BRAND_DARK, INK, BRAND])
        draw.rectangle((x, h - bh, x + bw - w * 0.006, h), fill=colour)
        for wy in range(int(h - bh + h * 0.04), int(h - h * 0.04), int(h * 0.06)):
            for wx in range(int(x + bw * 0.15), int(x + bw * 0.8), int(bw * 0.25)):
                if rnd.random() < 0.55:
                    draw.rectangle((wx, wy, wx + bw * 0.1, wy + h * 0.025), fill=SAND if rnd.random() < 0.3 else MINT)
        x += bw
    draw.rectangle((0, h * 0.94, w, h), fill=INK)
    return 0.5, 0.6


def _network(draw, rnd, w, h):
    draw.rectangle((0, 0, w, h), fill=BRAND_DARK)
    step = w / 16
    for i in range(17):
        draw.line((i * step, 0, i * step, h), fill=BRAND, width=int(w * 0.002))
        draw.line((0, i * step, w, i * step), fill=BRAND, width=int(w * 0.002))
    hub = (w * rnd.uniform(0.4, 0.6), h * rnd.uniform(0.4, 0.6))
    nodes = [(rnd.uniform(0.06, 0.94) * w, rnd.uniform(0.08, 0.92) * h) for _ in range(22)]
    for node in nodes:
        draw.line((hub, node), fill=MINT, width=int(w * 0.0025))
    for a, b in zip(nodes, nodes[1:], strict=False):
        if rnd.random() < 0.4:
            draw.line((a, b), fill=BRAND, width=int(w * 0.002))
    for x, y in nodes:
        r = w * rnd.uniform(0.007, 0.016)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rnd.choice([MINT, SAND, WHITE]))
    r = w * 0.05
    draw.ellipse((hub[0] - r, hub[1] - r, hub[0] + r, hub[1] + r), fill=ACCENT)
    r *= 0.45
    draw.ellipse((hub[0] - r, hub[1] - r, hub[0] + r, hub[1] + r), fill=SAND)
    return hub[0] / w, hub[1] / h


def _streets(draw, rnd, w, h):
    draw.rectangle((0, 0, w, h), fill=STONE)
    block = w / 10
    for row in range(int(h / block) + 1):
        for col in range(11):
            x, y = col * block, row * block
            fill = rnd.choice([MIST, MIST, MINT, SAND, WHITE])
            gap = block * 0.12
            draw.rectangle((x + gap, y + gap, x + block - gap, y + block - gap), fill=fill)
    # A main road across the grid and a few addressed buildings (pins).
    draw.line((0, h * 0.78, w, h * 0.22), fill=BRAND_DARK, width=int(w * 0.02))
    rows = int(h / block)
    pins = [(rnd.randrange(1, 9) * block + block / 2, rnd.randrange(1, rows - 1) * block + block / 2) for _ in range(5)]
    for x, y in pins:
        r = block * 0.18
        draw.ellipse((x - r, y - r * 2.2, x + r, y - r * 0.2), fill=ACCENT)
        draw.polygon(((x - r * 0.8, y - r), (x + r * 0.8, y - r), (x, y + r * 0.3)), fill=ACCENT)
        draw.ellipse((x - r * 0.4, y - r * 1.6, x + r * 0.4, y - r * 0.8), fill=WHITE)
    x, y = pins[0]
    return x / w, y / h


def _facades(draw, rnd, w, h):
    draw.rectangle((0, 0, w, h), fill=SAND)
    draw.rectangle((0, h * 0.82, w, h), fill=(214, 180, 140))
    x = w * 0.04
    while x < w * 0.96:
        fw = rnd.uniform(0.14, 0.24) * w
        top = rnd.uniform(0.12, 0.35) * h
        colour = rnd.choice([ACCENT, (196, 110, 70), (160, 72, 40)])
        draw.rectangle((x, top, x + fw, h * 0.82), fill=colour)
        # An arched doorway and two niches, as on carved façades.
        door_w = fw * 0.36
        dx = x + (fw - door_w) / 2
        draw.rectangle((dx, h * 0.55, dx + door_w, h * 0.82), fill=INK)
        draw.ellipse((dx, h * 0.55 - door_w / 2, dx + door_w, h * 0.55 + door_w / 2), fill=INK)
        for nx in (x + fw * 0.1, x + fw * 0.72):
            draw.rectangle((nx, top + h * 0.08, nx + fw * 0.18, top + h * 0.2), fill=SAND)
        x += fw + w * 0.02
    return 0.5, 0.55


def _charts(draw, rnd, w, h):
    draw.rectangle((0, 0, w, h), fill=MIST)
    base = h * 0.85
    draw.line((w * 0.08, base, w * 0.92, base), fill=INK, width=int(w * 0.004))
    bars = 9
    slot = (w * 0.8) / bars
    heights = sorted(rnd.uniform(0.15, 0.65) for _ in range(bars))
    tops = []
    for i, share in enumerate(heights):
        x = w * 0.1 + i * slot
        top = base - share * h
        draw.rectangle((x, top, x + slot * 0.62, base), fill=BRAND if i % 3 else BRAND_DARK)
        tops.append((x + slot * 0.31, top - h * 0.06))
    draw.line(tops, fill=ACCENT, width=int(w * 0.006), joint="curve")
    for x, y in tops:
        r = w * 0.01
        draw.ellipse((x - r, y - r, x + r, y + r), fill=ACCENT)
    cx, cy, r = w * 0.2, h * 0.22, w * 0.08
    draw.pieslice((cx - r, cy - r, cx + r, cy + r), 0, 360, fill=STONE)
    draw.pieslice((cx - r, cy - r, cx + r, cy + r), -90, rnd.uniform(60, 200), fill=SAND)
    return 0.55, 0.5


MOTIFS = {"skyline": _skyline, "network": _network, "streets": _streets, "facades": _facades, "charts": _charts}


def draw(motif, seed):
    """PNG bytes of the `motif` drawing for `seed` (the same bytes for the same pair), and its focal point."""
    rnd = random.Random(f"{motif}:{seed}")
    canvas = PillowImage.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), MIST)
    focus_x, focus_y = MOTIFS[motif](ImageDraw.Draw(canvas), rnd, WIDTH * SCALE, HEIGHT * SCALE)
    picture = canvas.resize((WIDTH, HEIGHT), PillowImage.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), (focus_x, focus_y)


def illustration(motif, seed, title, slots=()):
    """The Wagtail image titled `title`, drawn the first time it is asked for, with its focal point and the
    renditions of `slots` (forum_site.images.SLOTS) made in advance."""
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    png, (focus_x, focus_y) = draw(motif, seed)
    image = Image(title=title, file=ImageFile(io.BytesIO(png), name=f"demo-{seed}.png"))
    # The focal area: a third of the drawing around its centre of interest.
    image.set_focal_point(Rect.from_point(int(focus_x * WIDTH), int(focus_y * HEIGHT), WIDTH // 3, HEIGHT // 3))
    image.save()
    make_renditions(image, *slots)
    return image


# Each demo page's drawing and its description, by the page's English slug. Alt text is written per page, in
# both languages (forum_site/images.py says why it lives on the page).
PAGE_ILLUSTRATIONS = {
    "home-en": (
        "skyline",
        "أفق مدينة مرسوم بأشكال هندسية بألوان المنتدى، تعلوه شبكة من النقاط المتصلة",
        "A city skyline drawn in geometric shapes in the forum's colours, under a network of connected points",
    ),
    "digital-transformation": (
        "network",
        "رسم تجريدي لشبكة رقمية: نقاط متصلة بمركز واحد فوق شبكة مربعات",
        "An abstract digital network: points linked to one hub over a square grid",
    ),
    "smart-city-strategy": (
        "skyline",
        "رسم هندسي لأفق مدينة ذكية تعلوه شبكة من النقاط المتصلة",
        "A geometric smart-city skyline under a network of connected points",
    ),
    "gis-and-addressing": (
        "streets",
        "خريطة تجريدية لشبكة شوارع وأحياء، عليها دبابيس تحدد عناوين المباني",
        "An abstract map of a street grid and blocks, with pins marking building addresses",
    ),
    "designing-e-services": (
        "network",
        "رسم تجريدي لخدمات مترابطة: نقاط ملوّنة متصلة بمركز",
        "An abstract drawing of connected services: coloured points linked to a hub",
    ),
    "ai-and-iot-for-sustainable-cities": (
        "network",
        "رسم تجريدي لأجهزة متصلة بمركز بيانات واحد",
        "An abstract drawing of devices linked to one data hub",
    ),
    "knowledge-management-and-informatics": (
        "charts",
        "مخطط أعمدة متصاعد وخط اتجاه ومخطط دائري، بألوان المنتدى",
        "A rising bar chart, a trend line and a pie chart, in the forum's colours",
    ),
    "voluntary-local-reviews": (
        "charts",
        "مخططات تجريدية لمؤشرات التنمية المستدامة",
        "Abstract charts of sustainable-development indicators",
    ),
    "18th-general-conference-opens": (
        "skyline",
        "رسم هندسي لأفق مدينة عمّان بألوان المنتدى",
        "A geometric drawing of a city skyline in the forum's colours",
    ),
    "ai-iot-sustainable-cities-workshop": (
        "network",
        "رسم تجريدي لشبكة إنترنت الأشياء حول مركز واحد",
        "An abstract Internet of Things network around one hub",
    ),
    "knowledge-management-workshop": (
        "charts",
        "مخطط أعمدة وخط اتجاه متصاعد",
        "A bar chart and a rising trend line",
    ),
    "amman-joins-mobility-leaders": (
        "streets",
        "خريطة تجريدية لشوارع يعبرها طريق رئيسي",
        "An abstract street map crossed by a main road",
    ),
    "amman-petra-sign-two-mous": (
        "facades",
        "واجهات منحوتة بأبواب مقوّسة بألوان الحجر الوردي",
        "Carved façades with arched doorways in rose-stone colours",
    ),
    "mayor-receives-secretary-general": (
        "skyline",
        "رسم هندسي لأفق مدينة تعلوه شبكة من النقاط المتصلة",
        "A geometric city skyline under a network of connected points",
    ),
    "second-vlr-preparatory-workshop": (
        "charts",
        "مخططات تجريدية لمؤشرات المراجعة المحلية الطوعية",
        "Abstract charts of voluntary local review indicators",
    ),
    "arab-chinese-cities-forum-preparation": (
        "network",
        "رسم تجريدي لمدن متصلة بشبكة حول مركز واحد",
        "An abstract drawing of cities linked in a network around one hub",
    ),
}


def image_fields(english_slug, t, image_field, alt_field, slots=("lead", "card")):
    """{image_field: image, alt_field: Arabic alt} for the page with this English slug ({} if it has no drawing);
    `t` learns the English alt text, so the English page gets it."""
    if english_slug not in PAGE_ILLUSTRATIONS:
        return {}
    motif, alt_ar, alt_en = PAGE_ILLUSTRATIONS[english_slug]
    image = illustration(motif, english_slug, f"Demo illustration: {english_slug}", slots)
    return {image_field: image, alt_field: t(alt_ar, alt_en)}
