"""Tests encode AVIF renditions at libavif's speed 8, not Pillow's default 6: four times sooner, the files a fifth
larger (so the page weight test's budget is stricter here than in production), the format the same. The demo
site alone makes about a hundred renditions in AVIF."""

from PIL import Image


def encode_faster():
    Image.init()
    save = Image.SAVE["AVIF"]

    def save_faster(image, fp, filename):
        image.encoderinfo.setdefault("speed", 8)
        save(image, fp, filename)

    Image.register_save("AVIF", save_faster)
