vcl 4.1;

import std;

# Varnish in front of the site's app servers (README: "Deploying", "More than one server").
# The site says what may be kept (Cache-Control: public with s-maxage, or private, no-store);
# this file adds only what Varnish cannot know:
#
# - a PURGE from the app servers drops everything at that address and under it, query strings
#   included: the site purges each site's root ("/") whenever content changes
#   (home/front_cache.py), so nothing is served after a change that was there before it;
# - a request from someone signed in (the session cookie) goes to the app, and every other
#   cookie is dropped, so that a stray cookie does not make a public page uncacheable;
# - the admin and everything but GET and HEAD go to the app as they are.
#
# - pages asked for over HTTP and over HTTPS (X-Forwarded-Proto, from the proxy in front) are
#   kept apart, so that the redirect to HTTPS is never sent to someone already on it.
#
# Set the backend to the app server (or a director over several), and the purgers' addresses
# to the app servers'. If a TLS proxy on this same machine sends Varnish every visitor's
# requests, they all come from 127.0.0.1: then list only the app servers' own addresses here,
# or have the proxy refuse PURGE. The tests start Varnish with this file, on another port.

backend default {
    .host = "127.0.0.1";
    .port = "8000";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    # One name for each host however it was typed, as the site's purges name it.
    set req.http.host = std.tolower(regsub(req.http.host, ":(80|443)$", ""));
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        # The site's own paths hold no regular-expression characters but ".", which matches
        # itself among others: a purge may drop a little more than it names, never less.
        ban("obj.http.x-host == " + req.http.host + " && obj.http.x-url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)") {
        return (pass);
    }
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
}

sub vcl_hash {
    hash_data(req.http.X-Forwarded-Proto);
    # Then Varnish's own: the address and the host.
}

sub vcl_backend_response {
    # Nothing served past the time the site gave: a page that expires must not be sent stale
    # while a fresh copy is fetched. (Visitors asking at once for a page that is not kept still
    # wait for one fetch between them.)
    set beresp.grace = 0s;
    # Kept on each object for the purges' bans (and taken off what visitors get).
    set beresp.http.x-url = bereq.url;
    set beresp.http.x-host = bereq.http.host;
}

sub vcl_deliver {
    unset resp.http.x-url;
    unset resp.http.x-host;
    if (obj.hits > 0) {
        set resp.http.X-Cache = "hit";
    } else {
        set resp.http.X-Cache = "miss";
    }
}
