<?xml version="1.0" encoding="utf-8"?>{% load site static %}
{% comment %}
How a browser shows the site's Atom feeds and its sitemap: as a page of the site, styled by its own
stylesheet, with no inline style or script (the CSP allows neither). Feed readers and search
engines read the XML and ignore this. XSLT 1.0, the version browsers run.
{% endcomment %}
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom"
                xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9"
                exclude-result-prefixes="atom sm">
  <xsl:output method="html" encoding="utf-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:choose>
          <xsl:when test="atom:feed"><xsl:value-of select="atom:feed/atom:title"/> (feed)</xsl:when>
          <xsl:otherwise>Sitemap — {% site_name %}</xsl:otherwise>
        </xsl:choose></title>
        <link rel="stylesheet" href="{% static 'css/site.css' %}"/>
        <link rel="icon" href="{% static 'favicon.svg' %}" type="image/svg+xml"/>
      </head>
      <body>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="site-name" href="{% url 'home' %}">{% site_name %}</a>
          </div>
        </header>
        <main id="main" class="wrap xml-page">
          <xsl:apply-templates select="atom:feed | sm:urlset | sm:sitemapindex"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="atom:feed">
    <h1><xsl:value-of select="atom:title"/></h1>
    <p class="intro__lede"><xsl:value-of select="atom:subtitle"/></p>
    <div class="banner">
      <p><strong>This is a web feed.</strong> To follow it, copy its address into a feed reader:</p>
      <p><code class="xml-page__address"><xsl:value-of select="atom:link[@rel='self']/@href"/></code></p>
      <p><a href="{atom:link[@rel='alternate']/@href}">Back to the page on the site</a></p>
    </div>
    <h2 class="results__count"><xsl:value-of select="count(atom:entry)"/> latest entries</h2>
    <xsl:for-each select="atom:entry">
      <article class="item">
        <h3 class="item__title"><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h3>
        <p class="item__meta">
          <time datetime="{atom:published}"><xsl:value-of select="substring(atom:published, 1, 10)"/></time>
          <xsl:if test="atom:author/atom:name">
            <span class="item__byline"><xsl:value-of select="atom:author/atom:name"/></span>
          </xsl:if>
        </p>
        <xsl:if test="normalize-space(atom:summary)">
          <p class="item__summary">
            <xsl:call-template name="text-of"><xsl:with-param name="html" select="atom:summary"/></xsl:call-template>
          </p>
        </xsl:if>
      </article>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="sm:sitemapindex">
    <h1>Sitemap</h1>
    <p class="intro__lede">Every public page of the site, for search engines, in these sections.</p>
    <ul class="xml-page__list">
      <xsl:for-each select="sm:sitemap">
        <li><a href="{sm:loc}"><xsl:value-of select="sm:loc"/></a>
          <xsl:if test="sm:lastmod"> <span class="item__meta"> (changed <xsl:value-of select="sm:lastmod"/>)</span></xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <xsl:template match="sm:urlset">
    <h1>Sitemap</h1>
    <p class="intro__lede"><xsl:value-of select="count(sm:url)"/> addresses, for search engines.</p>
    <ol class="xml-page__list">
      <xsl:for-each select="sm:url">
        <li><a href="{sm:loc}"><xsl:value-of select="sm:loc"/></a>
          <xsl:if test="sm:lastmod"> <span class="item__meta"> (changed <xsl:value-of select="sm:lastmod"/>)</span></xsl:if>
        </li>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <!-- A summary is HTML sent as text: shown as its words, tags dropped and the escapes undone. -->
  <xsl:template name="text-of">
    <xsl:param name="html"/>
    <xsl:choose>
      <xsl:when test="contains($html, '&lt;') and contains(substring-after($html, '&lt;'), '&gt;')">
        <xsl:call-template name="unescape"><xsl:with-param name="text" select="substring-before($html, '&lt;')"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <xsl:call-template name="text-of">
          <xsl:with-param name="html" select="substring-after(substring-after($html, '&lt;'), '&gt;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="unescape"><xsl:with-param name="text" select="$html"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="unescape">
    <xsl:param name="text"/>
    <xsl:variable name="lt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$text"/><xsl:with-param name="from" select="'&amp;lt;'"/><xsl:with-param name="to" select="'&lt;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="gt"><xsl:call-template name="replace"><xsl:with-param name="text" select="$lt"/><xsl:with-param name="from" select="'&amp;gt;'"/><xsl:with-param name="to" select="'&gt;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="quot"><xsl:call-template name="replace"><xsl:with-param name="text" select="$gt"/><xsl:with-param name="from" select="'&amp;quot;'"/><xsl:with-param name="to" select="'&quot;'"/></xsl:call-template></xsl:variable>
    <xsl:variable name="apos"><xsl:call-template name="replace"><xsl:with-param name="text" select="$quot"/><xsl:with-param name="from" select="'&amp;#x27;'"/><xsl:with-param name="to">'</xsl:with-param></xsl:call-template></xsl:variable>
    <xsl:call-template name="replace"><xsl:with-param name="text" select="$apos"/><xsl:with-param name="from" select="'&amp;amp;'"/><xsl:with-param name="to" select="'&amp;'"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="replace">
    <xsl:param name="text"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="substring-before($text, $from)"/>
        <xsl:value-of select="$to"/>
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="substring-after($text, $from)"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
