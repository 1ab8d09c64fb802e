from django import template

from forum_site import images

register = template.Library()


@register.simple_tag
def responsive_image(image, slot, alt="", css_class="", priority="lazy"):
    """`{% responsive_image page.hero_image "hero" alt=page.hero_image_alt priority="high" %}`: forum_site/images.py."""
    return images.picture(image, slot, alt=alt, css_class=css_class, priority=priority)
