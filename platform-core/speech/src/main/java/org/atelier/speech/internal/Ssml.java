package org.atelier.speech.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.atelier.api.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The SSML subset the platform speaks, parsed into {@link Piece}s: {@code speak}, {@code p}, {@code s},
 * {@code break} (time or strength), {@code prosody} (rate, pitch, volume: keywords, percentages, relative
 * semitones, dB), {@code say-as} (characters, spell-out, digits), {@code phoneme} (IPA), {@code lang} and
 * {@code sub}. Anything else is refused by name. A DOCTYPE is refused, so no entity can reach a file or a server.
 */
final class Ssml {

    /** Text spoken one way, or a pause. */
    record Piece(String text, String phonemes, String language, double rate, double pitch, double volume,
                 int pauseAfterMs, boolean sentenceEnd) {
    }

    private static final Set<String> ELEMENTS = Set.of("speak", "p", "s", "break", "prosody", "say-as", "phoneme",
            "lang", "sub");
    private static final Pattern TIME = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)");
    private static final Pattern PERCENT = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)%");
    private static final Pattern SEMITONES = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)st");
    private static final Pattern DECIBELS = Pattern.compile("([+-]\\d+(?:\\.\\d+)?)dB");
    static final int MAX_BREAK_MS = 10_000;

    private Ssml() {
    }

    private record Style(String language, double rate, double pitch, double volume) {
    }

    static List<Piece> parse(String ssml, String language) {
        Element root;
        try {
            root = builder().parse(new InputSource(new StringReader(ssml))).getDocumentElement();
        } catch (SAXParseException e) {
            throw new InvalidInputException("text", "malformed SSML at line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("text", "malformed SSML: " + e.getMessage());
        }
        if (!name(root).equals("speak")) {
            throw new InvalidInputException("text", "SSML starts with <speak>, not <" + name(root) + ">");
        }
        List<Piece> out = new ArrayList<>();
        String lang = root.hasAttribute("xml:lang") ? root.getAttribute("xml:lang") : language;
        walk(root, new Style(lang, 1, 1, 1), out);
        return out;
    }

    private static void walk(Element e, Style style, List<Piece> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                add(out, n.getNodeValue(), null, style);
            } else if (n.getNodeType() == Node.ELEMENT_NODE) {
                element((Element) n, style, out);
            }
        }
    }

    private static void element(Element e, Style style, List<Piece> out) {
        String name = name(e);
        if (!ELEMENTS.contains(name)) {
            throw new InvalidInputException("text", "SSML element <" + name + "> is not supported; use "
                    + String.join(", ", new java.util.TreeSet<>(ELEMENTS)));
        }
        switch (name) {
            case "break" -> pause(out, breakMs(e), style);
            case "p", "s" -> {
                walk(e, lang(e, style), out);
                endSentence(out, name.equals("p") ? 400 : 0, style);
            }
            case "lang" -> walk(e, lang(e, style), out);
            case "speak" -> walk(e, lang(e, style), out);
            case "prosody" -> walk(e, new Style(style.language(),
                    clamp(style.rate() * rate(e.getAttribute("rate")), 0.25, 4),
                    clamp(style.pitch() * pitch(e.getAttribute("pitch")), 0.5, 2),
                    clamp(style.volume() * volume(e.getAttribute("volume")), 0, 2)), out);
            case "say-as" -> add(out, sayAs(e.getAttribute("interpret-as"), e.getTextContent()), null, style);
            case "phoneme" -> {
                String alphabet = e.getAttribute("alphabet");
                if (!alphabet.isEmpty() && !alphabet.equalsIgnoreCase("ipa")) {
                    throw new InvalidInputException("text", "<phoneme> takes alphabet=\"ipa\", not \"" + alphabet
                            + "\"");
                }
                String ph = e.getAttribute("ph").strip();
                if (ph.isEmpty()) {
                    throw new InvalidInputException("text", "<phoneme> needs ph=\"…\" (IPA)");
                }
                out.add(new Piece(e.getTextContent().strip(), ph, style.language(), style.rate(), style.pitch(),
                        style.volume(), 0, false));
            }
            case "sub" -> {
                if (!e.hasAttribute("alias")) {
                    throw new InvalidInputException("text", "<sub> needs alias=\"…\"");
                }
                add(out, e.getAttribute("alias"), null, style);
            }
            default -> throw new IllegalStateException(name);
        }
    }

    private static Style lang(Element e, Style style) {
        String l = e.getAttribute("xml:lang");
        return l.isEmpty() ? style : new Style(l, style.rate(), style.pitch(), style.volume());
    }

    private static void add(List<Piece> out, String text, String phonemes, Style s) {
        if (text == null || text.isBlank()) {
            return;
        }
        out.add(new Piece(text, phonemes, s.language(), s.rate(), s.pitch(), s.volume(), 0, false));
    }

    private static void pause(List<Piece> out, int ms, Style s) {
        out.add(new Piece("", null, s.language(), s.rate(), s.pitch(), s.volume(), ms, false));
    }

    private static void endSentence(List<Piece> out, int ms, Style s) {
        out.add(new Piece("", null, s.language(), s.rate(), s.pitch(), s.volume(), ms, true));
    }

    static int breakMs(Element e) {
        String time = e.getAttribute("time").strip();
        if (!time.isEmpty()) {
            Matcher m = TIME.matcher(time);
            if (!m.matches()) {
                throw new InvalidInputException("text", "<break time=\"" + time + "\">: a time is like 500ms or 2s");
            }
            double v = Double.parseDouble(m.group(1)) * (m.group(2).equals("s") ? 1000 : 1);
            if (v > MAX_BREAK_MS) {
                throw new InvalidInputException("text", "<break> is at most " + MAX_BREAK_MS / 1000 + "s");
            }
            return (int) Math.round(v);
        }
        return switch (e.getAttribute("strength").strip()) {
            case "none" -> 0;
            case "x-weak" -> 100;
            case "weak" -> 200;
            case "", "medium" -> 400;
            case "strong" -> 700;
            case "x-strong" -> 1200;
            default -> throw new InvalidInputException("text", "<break strength=\"" + e.getAttribute("strength")
                    + "\">: none, x-weak, weak, medium, strong or x-strong");
        };
    }

    static double rate(String v) {
        return factor("rate", v, java.util.Map.of("x-slow", 0.5, "slow", 0.75, "medium", 1.0, "default", 1.0,
                "fast", 1.3, "x-fast", 1.7), false, false);
    }

    static double pitch(String v) {
        return factor("pitch", v, java.util.Map.of("x-low", 0.7, "low", 0.85, "medium", 1.0, "default", 1.0,
                "high", 1.15, "x-high", 1.3), true, false);
    }

    static double volume(String v) {
        return factor("volume", v, java.util.Map.of("silent", 0.0, "x-soft", 0.4, "soft", 0.7, "medium", 1.0,
                "default", 1.0, "loud", 1.3, "x-loud", 1.6), false, true);
    }

    private static double factor(String what, String value, java.util.Map<String, Double> words, boolean semitones,
                                 boolean decibels) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return 1;
        }
        Double word = words.get(v);
        if (word != null) {
            return word;
        }
        Matcher m = PERCENT.matcher(v);
        if (m.matches()) {
            double p = Double.parseDouble(m.group(1));
            return v.startsWith("+") || v.startsWith("-") ? 1 + p / 100 : p / 100;
        }
        if (semitones && (m = SEMITONES.matcher(v)).matches()) {
            return Math.pow(2, Double.parseDouble(m.group(1)) / 12);
        }
        if (decibels && (m = DECIBELS.matcher(value.strip())).matches()) {
            return Math.pow(10, Double.parseDouble(m.group(1)) / 20);
        }
        try {
            double d = Double.parseDouble(v);
            if (d > 0 && !semitones && !decibels) {
                return d;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidInputException("text", "<prosody " + what + "=\"" + value + "\"> is not a "
                + what + ": use " + String.join(", ", new java.util.TreeSet<>(words.keySet()))
                + ", a percentage" + (semitones ? ", semitones (+2st)" : "") + (decibels ? ", decibels (+6dB)" : ""));
    }

    static String sayAs(String interpretAs, String text) {
        String t = text.strip();
        return switch (interpretAs.strip()) {
            case "characters", "spell-out", "letters" -> String.join(" ", t.codePoints()
                    .filter(c -> !Character.isWhitespace(c)).mapToObj(Character::toString).toList());
            case "digits" -> String.join(" ", t.codePoints().filter(c -> !Character.isWhitespace(c))
                    .mapToObj(Character::toString).toList());
            case "cardinal", "number", "" -> t;
            default -> throw new InvalidInputException("text", "<say-as interpret-as=\"" + interpretAs
                    + "\">: characters, spell-out, digits or cardinal");
        };
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static String name(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
