"""Mentions become link models of their own and articles, quotes and links carry public_at.

The old automatic many-to-many tables are copied into the new link tables, then dropped; each
quote's speaker is added to its article's mentions; public_at is copied from each article.
"""

import django.db.models.deletion
from django.db import migrations, models

COPY_LINKS = """
INSERT INTO articles_personmention (article_id, person_id)
    SELECT article_id, person_id FROM articles_article_people;
INSERT INTO articles_organizationmention (article_id, organization_id)
    SELECT article_id, organization_id FROM articles_article_organizations;
INSERT INTO articles_personmention (article_id, person_id)
    SELECT DISTINCT q.article_id, q.speaker_id FROM articles_quote q
    WHERE NOT EXISTS (
        SELECT 1 FROM articles_personmention m WHERE m.article_id = q.article_id AND m.person_id = q.speaker_id
    );
"""

SHARE_PUBLIC_AT = """
UPDATE articles_quote SET public_at =
    (SELECT a.public_at FROM articles_article a WHERE a.id = articles_quote.article_id);
UPDATE articles_personmention SET public_at =
    (SELECT a.public_at FROM articles_article a WHERE a.id = articles_personmention.article_id);
UPDATE articles_organizationmention SET public_at =
    (SELECT a.public_at FROM articles_article a WHERE a.id = articles_organizationmention.article_id);
"""


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_drop_updated_after_published_check"),
        ("people", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="PersonMention",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "public_at",
                    models.DateTimeField(
                        editable=False, help_text="A copy of the article's public_at.", null=True
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="person_mentions",
                        to="articles.article",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="mentions",
                        to="people.person",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["person", "-public_at", "-article"], name="articles_person_mention_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "person"), name="articles_person_mention_unique"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="OrganizationMention",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "public_at",
                    models.DateTimeField(
                        editable=False, help_text="A copy of the article's public_at.", null=True
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="organization_mentions",
                        to="articles.article",
                    ),
                ),
                (
                    "organization",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="mentions",
                        to="people.organization",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["organization", "-public_at", "-article"], name="articles_org_mention_idx"
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("article", "organization"), name="articles_org_mention_unique"
                    )
                ],
            },
        ),
        migrations.RunSQL(COPY_LINKS, migrations.RunSQL.noop),
        migrations.RemoveField(model_name="article", name="people"),
        migrations.RemoveField(model_name="article", name="organizations"),
        migrations.AddField(
            model_name="article",
            name="people",
            field=models.ManyToManyField(
                blank=True,
                help_text="People the article mentions; everyone it quotes is among them.",
                related_name="articles",
                through="articles.PersonMention",
                to="people.person",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="organizations",
            field=models.ManyToManyField(
                blank=True,
                help_text="Organizations the article mentions.",
                related_name="articles",
                through="articles.OrganizationMention",
                to="people.organization",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="public_at",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(models.When(status="published", then="published_at")),
                output_field=models.DateTimeField(null=True),
            ),
        ),
        migrations.AddField(
            model_name="quote",
            name="public_at",
            field=models.DateTimeField(
                editable=False, help_text="A copy of the article's public_at.", null=True
            ),
        ),
        migrations.RunSQL(SHARE_PUBLIC_AT, migrations.RunSQL.noop),
        migrations.RemoveIndex(model_name="article", name="articles_status_pub_idx"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["public_at", "id"], name="articles_public_idx"),
        ),
        migrations.RemoveIndex(model_name="quote", name="articles_quote_speaker_idx"),
        migrations.RemoveIndex(model_name="quote", name="articles_quote_said_on_idx"),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                fields=["speaker", "-said_on", "article", "position", "public_at"],
                name="articles_quote_speaker_idx",
            ),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(
                fields=["-said_on", "article", "position", "public_at"], name="articles_quote_said_on_idx"
            ),
        ),
    ]
