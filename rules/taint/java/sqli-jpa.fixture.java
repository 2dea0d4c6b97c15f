import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.hibernate.Session;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// JPQL, HQL and native queries built from request data (JPA EntityManager, Hibernate Session).
@RestController
public class UserQueries {
    private EntityManager em;
    private Session session;

    @GetMapping("/users")
    public List<?> byName(@RequestParam String name) {
        // ruleid: java.sqli.jpa
        return em.createQuery("SELECT u FROM User u WHERE u.name = '" + name + "'").getResultList();
    }

    @GetMapping("/native")
    public List<?> nativeSort(@RequestParam String sort) {
        String sql = String.format("SELECT * FROM users ORDER BY %s", sort);
        // ruleid: java.sqli.jpa
        return em.createNativeQuery(sql).getResultList();
    }

    @GetMapping("/hql")
    public List<?> hql(@RequestParam String email) {
        // ruleid: java.sqli.jpa
        return session.createQuery("from User where email = '" + email + "'", Object.class).list();
    }

    @GetMapping("/safe")
    public List<?> safe(@RequestParam String name) {
        // ok: java.sqli.jpa
        return em.createQuery("SELECT u FROM User u WHERE u.name = :name").setParameter("name", name).getResultList();
    }

    @GetMapping("/criteria")
    public List<?> criteria(@RequestParam String name) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> cq = cb.createQuery(Object.class);
        Root<Object> root = cq.from(Object.class);
        cq.where(cb.equal(root.get("name"), name));
        // ok: java.sqli.jpa
        return em.createQuery(cq).getResultList();
    }

    @GetMapping("/count")
    public List<?> count(@RequestParam int limit) {
        // ok: java.sqli.jpa
        return em.createNativeQuery("SELECT * FROM users LIMIT " + limit).getResultList();
    }
}
