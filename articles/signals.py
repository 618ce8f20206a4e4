"""Keeping the copies of an article's public_at right when links are added outside Article.save."""

from django.db.models.signals import m2m_changed
from django.dispatch import receiver

from articles.models import Article


@receiver(m2m_changed, sender=Article.people.through)
@receiver(m2m_changed, sender=Article.organizations.through)
def mentions_share_public_at(sender, instance, action, reverse, pk_set, **kwargs):
    """`article.people.add(person)` writes link rows without their article's public_at: copy it in."""
    if action != "post_add":
        return
    articles = Article.objects.filter(pk__in=pk_set) if reverse else Article.objects.filter(pk=instance.pk)
    articles.share_public_at()
