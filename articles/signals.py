"""Keeping the copies of an article's public_at right when links are added outside Article.save."""

from django.db.models.signals import m2m_changed, post_delete
from django.dispatch import receiver
from django.utils import timezone

from articles.models import Article, Byline, OrganizationMention, PersonMention, Quote


@receiver(m2m_changed, sender=Article.people.through)
@receiver(m2m_changed, sender=Article.organizations.through)
def mentions_share_public_at(sender, instance, action, reverse, pk_set, **kwargs):
    """`article.people.add(person)` writes link rows without their article's public_at: copy it in."""
    if action != "post_add":
        return
    articles = Article.objects.filter(pk__in=pk_set) if reverse else Article.objects.filter(pk=instance.pk)
    articles.share_public_at()


@receiver(post_delete, sender=Quote)
@receiver(post_delete, sender=PersonMention)
@receiver(post_delete, sender=OrganizationMention)
@receiver(post_delete, sender=Byline)
def deleting_a_part_changes_the_article(sender, instance, **kwargs):
    """An editor deleting a quote or a link changes the article (the loader deletes in bulk, unsignalled)."""
    Article.objects.filter(pk=instance.article_id).update(modified_at=timezone.now())
