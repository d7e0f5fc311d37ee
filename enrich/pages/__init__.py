"""Page objects for company websites (no Scrapy import): facts, people and where to look next.

``CompanySitePage(html, url, region_hint).facts()`` returns a :class:`PageFacts`; its
``fact_links()`` ranks the links to contact/imprint/about/team pages.
"""

from enrich.pages.links import FactLink, fact_links, score_link
from enrich.pages.people import Person, find_people
from enrich.pages.site import CompanySitePage, PageFacts, site_domain
from leadgen.normalize.titles import is_decision_maker

__all__ = [
    "CompanySitePage",
    "FactLink",
    "PageFacts",
    "Person",
    "fact_links",
    "find_people",
    "is_decision_maker",
    "score_link",
    "site_domain",
]
