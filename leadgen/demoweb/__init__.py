"""The demo web: a generated, deterministic small internet served on 127.0.0.1.

One :class:`DemoWebServer` is an HTTP *proxy* for every demo hostname, so URLs look real and
nothing leaves the machine::

    from leadgen.demoweb import DemoWorld, DemoWebServer
    world = DemoWorld.generate(seed=42, companies=200, crawl_delay=1.0, slow_delay=2.5)
    with DemoWebServer(world, port=0) as server:
        server.proxy_url          # "http://127.0.0.1:PORT": Scrapy meta["proxy"] or http_proxy
        server.dns_address        # "127.0.0.1:PORT" (UDP DNS): EnrichOptions(dns_servers=[...])
        world.start_urls()        # {source_id: [entry URLs]}
        server.access_log         # [AccessLogEntry(host, path, status, user_agent, monotonic, ...)]
    world.truth()                 # ground truth (JSON-serializable dict)

Politeness checks over the access log live in :mod:`leadgen.demoweb.audit`
(``robots_violations``, ``crawl_delay_violations``, ``trap_costs``, ``canonical_path``).

Scrapy: set ``http_proxy=http://127.0.0.1:PORT`` in the environment before the crawler starts
(HttpProxyMiddleware reads it, robots.txt requests included) or ``meta["proxy"]`` per request.
Only ``http://`` URLs exist (CONNECT is refused). Requests in origin form with a ``Host:`` header
work too. Unknown hosts answer 502.

DNS (:mod:`leadgen.demoweb.dns`, started with the proxy unless ``DemoWebServer(..., dns=False)``):
a UDP name server on ``server.dns_address`` for the e-mail checks. Directory hosts and every
company domain (plus ``www.`` and ``mail.``) answer ``A 127.0.0.1``; company, agency and free-mail
domains (gmail.com, outlook.com, qq.com, 163.com, 126.com) answer ``MX 10 mail.<domain>``, except a
seeded ~8% of company domains listed in ``truth["dns"]["no_mx"]`` (A only: their e-mails are
risky). Any other name is NXDOMAIN.

Hosts and URL patterns (constants in :mod:`leadgen.demoweb.hosts`):

- ``www.packaging-association.org`` (source ``demo-association``): ``/members?page=N`` (cards
  ``article.member-card``: name in ``h3 a``, city/country, category, tier; ``rel=next`` plus
  numbered pagination), detail ``/members/<slug>`` (``dl`` with address, tel: link, mailto,
  website, membership; JSON-LD Organization on about half). robots: ``Crawl-delay`` (1 s by
  default), ``Disallow: /members/search`` and ``/private/`` (both linked from every page).
  Traps: ``/events/calendar?month=YYYY-MM`` links to next/prev month forever; ``/news`` is 500.
- ``expo.packtech-fair.com`` (``demo-expo``): ``/exhibitors?page=N`` HTML table (name, country,
  hall/booth, booth size, website) with ``data-load-more="/api/exhibitors?page=N+1"``; JSON
  ``/api/exhibitors?page=N`` -> ``{"items": [{id, name, country, booth, boothSize, website,
  phone, email}], "next": "/api/exhibitors?page=N+1" | null, "page", "pages", "total"}``.
  Slow page: ``/exhibitors/floorplan`` (sleeps ``slow_delay``).
- ``www.bizdirectory-online.com`` (``demo-yellowpages``): ``/categories``,
  ``/category/<slug>?page=N`` (``li.listing``: name in ``h2 a``, address, phone in local format),
  detail ``/company/<id>-<slug>``. Every link carries a per-view ``;jsessionid=`` or ``&sid=``
  that changes nothing. robots: ``Disallow: /admin/`` and ``/company/*/print`` (both linked).
- ``www.zhongguo-gongying.cn`` (``demo-cn-directory``): GBK-encoded (header and meta);
  ``/list_N.html`` (``div.list-item``), detail ``/company/<id>.html`` (table 公司名称, 联系人,
  电话, 传真, 手机, 邮箱, 地址, 网址, 员工人数, 成立时间).
  robots: ``Disallow: /member/``, ``/search``.
- One site per company with a website (``http://www.<domain>/`` or ``http://<domain>/``; the other
  form redirects 301). Pages by language (see ``truth["companies"][i]["site_pages"]``): home (meta
  description, OpenGraph, sometimes JSON-LD Organization with foundingDate/numberOfEmployees),
  contact (``/contact``, ``/kontakt``, ``/contacto``, ``/联系我们.html``), about (``/about``,
  ``/ueber-uns``, ``/over-ons``, ``/sobre-nosotros``, ``/关于我们.html``), ``/impressum`` on
  DE/AT/CH sites, sometimes a team page, a news page (500 on some). E-mails as mailto, plain text,
  ``info [at] x [dot] de``, HTML entities, or a mailto with other visible text. Traps: a web
  agency's credit with its e-mail, and hidden (``display:none``) or commented-out e-mails. Some
  Chinese sites are GBK (a third of those say only ``<meta charset="gb2312">``, with no HTTP
  charset); some about pages are slow.

Truth (``world.truth()``, ``leadgen demo-web --write-truth FILE``): ``seed``, ``company_count``,
``fit_count``, ``sources`` (id -> host, start_urls), ``hosts``, ``crawl_delay`` (host -> s),
``disallowed`` (host -> robots prefixes), ``dns`` (``no_mx``: company domains planted without MX,
``free_mail``: free-mail domains answered with MX), ``traps`` (calendar, session_ids, error_500,
slow, robots_linked), and ``companies``: each with ``id``, ``name`` (canonical legal name),
``name_en`` (Chinese companies), ``name_variants`` (every spelling used anywhere), ``legal_form``,
``country`` (ISO2), ``city`` (Latin), ``city_local``, ``postal_code``, ``street``,
``address_lines``, ``address_lines_en``, ``website`` (canonical URL) and ``domain``
(registered) or null, ``emails``,
``phones`` (E.164), ``fax``, ``social``, ``people`` (name, title, decision_maker, email),
``trap_emails`` (must NOT be extracted), ``listings`` (source, url, list_url, record_id,
name as listed),
``industry``, ``employees``, ``founded_year``, ``description``, ``legal_ids`` (register, VAT,
ICP licence as the site shows them), ``language``, ``site_pages`` and
the hidden label ``fit`` (packaging-heavy manufacturer, >= 20 employees, target country; ~3%
label noise).
"""

from leadgen.demoweb.server import AccessLogEntry, DemoWebServer
from leadgen.demoweb.world import DemoWorld

__all__ = ["AccessLogEntry", "DemoWebServer", "DemoWorld"]
