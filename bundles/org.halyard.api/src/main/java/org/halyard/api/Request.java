package org.halyard.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** {@code <request id="7" op="status"><arg name="..." value="..."/></request>}: one call to the daemon. */
@XmlRootElement(name = "request")
@XmlAccessorType(XmlAccessType.FIELD)
public final class Request {

    @XmlAttribute(required = true)
    private String id;
    @XmlAttribute(required = true)
    private String op;
    @XmlElement(name = "arg")
    private List<Argument> args = new ArrayList<>();
    /** A document the operation works on (e.g. a CIB), as text so it travels byte for byte. */
    @XmlElement
    private String data;

    /** One named argument of a request. */
    @XmlAccessorType(XmlAccessType.FIELD)
    public static final class Argument {
        @XmlAttribute(required = true)
        private String name;
        @XmlAttribute(required = true)
        private String value;

        Argument() {
        }

        Argument(String name, String value) {
            this.name = name;
            this.value = value;
        }
    }

    Request() {
    }

    public Request(String id, String op) {
        this.id = id;
        this.op = op;
    }

    public Request with(String name, String value) {
        args.add(new Argument(name, value));
        return this;
    }

    public Request withData(String document) {
        this.data = document;
        return this;
    }

    public Optional<String> data() {
        return Optional.ofNullable(data);
    }

    public String id() {
        return id;
    }

    public String op() {
        return op;
    }

    public Optional<String> arg(String name) {
        return args.stream().filter(a -> a.name.equals(name)).map(a -> a.value).findFirst();
    }
}
