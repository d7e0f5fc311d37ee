"""Social profile links and websites: telling them apart by host."""

from __future__ import annotations

from urllib.parse import urlsplit

SOCIAL_HOSTS = (
    "facebook.com", "fb.com", "twitter.com", "x.com", "linkedin.com", "instagram.com",
    "youtube.com", "youtu.be", "xing.com", "pinterest.com", "tiktok.com", "vk.com", "ok.ru",
    "weibo.com", "weixin.qq.com", "wechat.com", "t.me", "telegram.me", "plus.google.com",
    "github.com", "vimeo.com", "flickr.com", "tumblr.com", "yelp.com", "threads.net",
    "bsky.app", "mastodon.social", "line.me", "douyin.com", "bilibili.com",
)


def host_of(url: str) -> str:
    """Lower-case host without ``www.``; schemeless URLs are read as http."""
    if "://" not in url:
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host.removeprefix("www.")


def is_social(url: str) -> bool:
    """True when the URL is on a social network's host."""
    host = host_of(url)
    return any(host == h or host.endswith("." + h) for h in SOCIAL_HOSTS)


def split_social(urls: list[str]) -> tuple[list[str], list[str]]:
    """Split URLs into (websites, social profiles), keeping order and dropping duplicates."""
    websites: list[str] = []
    social: list[str] = []
    for url in urls:
        if not url or not isinstance(url, str):
            continue
        target = social if is_social(url) else websites
        if url not in target:
            target.append(url)
    return websites, social
