// Searches the guides from every page of the site. The words of each section of each guide (its guide's title, its
// heading, its text) come from guides/search-index.js, a script the page loads before this one, so that search works
// from the file system too, where a page may not fetch a file. A file of its own, not an inline script: the server
// sends the site with a Content-Security-Policy that runs scripts from files only.
(function () {
    'use strict';

    var MAX_RESULTS = 20;
    var guides = window.emailAccountsGuides;
    var form = document.querySelector('form.site-search');
    if (!form || !Array.isArray(guides)) {
        return;
    }
    var input = form.querySelector('input[type="search"]');
    var results = form.querySelector('.search-results');
    // The guides' folder, from this page: "" on a guide's page, "guides/" on the reference's.
    var folder = form.getAttribute('data-guides') || '';
    var sections = null;

    /** The words of a text, in lower case: letters and digits, whatever separates them. */
    function words(text) {
        return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (word) {
            return word.length > 0;
        });
    }

    /** Every section of every guide with its words, in the guides' order; made at the first search. */
    function indexed() {
        if (sections === null) {
            sections = [];
            guides.forEach(function (guide) {
                var title = words(guide.title);
                guide.sections.forEach(function (section, position) {
                    sections.push({
                        guide: guide,
                        section: section,
                        opening: position === 0,
                        title: title,
                        heading: words(section.heading),
                        text: words(section.text)
                    });
                });
            });
        }
        return sections;
    }

    /** How many of the words start with the term. */
    function count(list, term) {
        var found = 0;
        for (var i = 0; i < list.length; i++) {
            if (list[i].lastIndexOf(term, 0) === 0) {
                found++;
            }
        }
        return found;
    }

    /**
     * How well a section matches: every term must start a word of its guide's title, its heading or its text. A word of
     * the title weighs most in the guide's opening, a word of the heading next, each word of the text a little.
     */
    function score(entry, terms) {
        var total = 0;
        for (var i = 0; i < terms.length; i++) {
            var inTitle = count(entry.title, terms[i]) > 0;
            var inHeading = count(entry.heading, terms[i]) > 0;
            var inText = Math.min(count(entry.text, terms[i]), 5);
            if (!inTitle && !inHeading && inText === 0) {
                return 0;
            }
            total += (inTitle ? (entry.opening ? 20 : 2) : 0) + (inHeading ? 8 : 0) + inText;
        }
        return total;
    }

    /** Some of the section's text around the first word a term starts. */
    function snippet(text, terms) {
        var lower = text.toLowerCase();
        var at = -1;
        terms.forEach(function (term) {
            var match = new RegExp('(^|[^\\p{L}\\p{N}])' + term, 'u').exec(lower);
            if (match && (at < 0 || match.index < at)) {
                at = match.index + match[1].length;
            }
        });
        var start = Math.max(0, at - 60);
        var end = Math.min(text.length, Math.max(at, 0) + 140);
        return (start > 0 ? '… ' : '') + text.slice(start, end) + (end < text.length ? ' …' : '');
    }

    function link(entry) {
        return folder + entry.guide.slug + '.html' + (entry.section.id ? '#' + entry.section.id : '');
    }

    function show(query) {
        var terms = words(query);
        results.textContent = '';
        if (terms.length === 0) {
            results.hidden = true;
            return;
        }
        var found = indexed()
            .map(function (entry) {
                return {entry: entry, score: score(entry, terms)};
            })
            .filter(function (result) {
                return result.score > 0;
            })
            .sort(function (a, b) {
                return b.score - a.score;
            })
            .slice(0, MAX_RESULTS);
        if (found.length === 0) {
            var none = document.createElement('p');
            none.textContent = 'No section of the guides has every word of "' + query.trim() + '".';
            results.appendChild(none);
        } else {
            var list = document.createElement('ol');
            found.forEach(function (result) {
                var entry = result.entry;
                var item = document.createElement('li');
                var anchor = document.createElement('a');
                anchor.setAttribute('href', link(entry));
                var title = document.createElement('span');
                title.className = 'result-title';
                title.textContent = entry.opening ? entry.guide.title : entry.guide.title + ' › ' + entry.section.heading;
                var text = document.createElement('span');
                text.className = 'result-snippet';
                text.textContent = snippet(entry.section.text, terms);
                anchor.appendChild(title);
                anchor.appendChild(text);
                item.appendChild(anchor);
                list.appendChild(item);
            });
            results.appendChild(list);
        }
        results.hidden = false;
    }

    input.addEventListener('input', function () {
        show(input.value);
    });
    input.addEventListener('focus', function () {
        if (input.value.trim() !== '') {
            show(input.value);
        }
    });
    input.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            results.hidden = true;
        }
    });
    // Enter opens the first result.
    form.addEventListener('submit', function (event) {
        event.preventDefault();
        var first = results.querySelector('a');
        if (first) {
            window.location.href = first.href;
        }
    });
    // A result on this page (one of its headings) is scrolled to: the list closes, as it does on a click elsewhere.
    results.addEventListener('click', function () {
        results.hidden = true;
    });
    document.addEventListener('click', function (event) {
        if (!form.contains(event.target)) {
            results.hidden = true;
        }
    });
    form.hidden = false;
}());
